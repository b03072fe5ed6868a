// Prometheus metrics. Each app gets its own registry, so tests and workers never share counters by accident.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RuleStore } from '../rules/loadRules';

export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly decisions = new Counter({
    name: 'sanctuary_decisions_total',
    help: 'Decisions made, by authority and outcome.',
    labelNames: ['authority', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly packLoads = new Counter({
    name: 'sanctuary_rule_pack_loads_total',
    help: 'Rule pack files read at start-up or reload, by result (loaded or rejected).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly reloads = new Counter({
    name: 'sanctuary_rule_reloads_total',
    help: 'Reloads of the rules directory, by result (applied or failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly packInfo = new Gauge({
    name: 'sanctuary_rule_pack_info',
    help: 'Each live rule pack version (value 1), with its version and sha256.',
    labelNames: ['authority', 'version', 'sha256', 'effective_from'] as const,
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts and times one finished request, by its route pattern (never the raw path). */
  observeRequest(route: string, method: string, status: number, seconds: number): void {
    const labels = { route, method, status: String(status) };
    this.httpDuration.observe(labels, seconds);
    this.httpRequests.inc(labels);
  }

  /** Records a loaded (or reloaded) store: pack results and the live versions. */
  observeRules(store: RuleStore): void {
    const packs = [...store.packs.values()].flat();
    this.packLoads.inc({ result: 'loaded' }, packs.length);
    this.packLoads.inc({ result: 'rejected' }, store.rejected.length);
    this.packInfo.reset();
    for (const { pack, ruleSet } of packs) {
      this.packInfo.set(
        {
          authority: pack.authorityId,
          version: ruleSet.version,
          sha256: ruleSet.sha256,
          effective_from: ruleSet.effectiveFrom,
        },
        1,
      );
    }
  }
}
