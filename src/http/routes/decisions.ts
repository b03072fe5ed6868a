// POST /v1/authorities/{authorityId}/decisions and POST /v1/decisions/batch.
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { Case, Decision, Problem } from '../../contract/apiTypes';
import type { Logger } from '../../logger';
import { decideForAuthority, type AuthorityDecision, type Clock } from '../../services/decisionService';
import type { Metrics } from '../../services/metrics';
import type { RuleService } from '../../services/ruleService';
import type { RuleStore } from '../../rules/loadRules';
import type { HttpSettings } from '../httpSettings';
import { batchJsonInSlices, decisionBytes } from '../decisionJson';
import { sendJsonBytes } from '../jsonOutput';
import { bodyShapeLimits, shapeProblem } from '../middleware/setUpLimits';
import { type DecisionAudit, setDecisionAudit } from '../middleware/setUpRequestTelemetry';
import { BodyBudget, jsonBody } from '../middleware/setUpRequestParsing';
import { HttpProblem, isProblem, problem, sendProblem } from '../problem';
import { schemaErrors } from '../../contract/schemaValidation';
import { requireReady } from './requireReady';
import { askedLanguage, setLanguageHeaders } from '../answerLanguage';
import type { Language } from '../../messages/messages';

const placeholderCase = { authorityId: 'placeholder', case: {} };

/** A problem about one case of a batch, with its pointers made relative to the whole body. */
const withPointersUnder = (result: Problem, prefix: string): Problem =>
  result.errors
    ? { ...result, errors: result.errors.map((e) => ({ ...e, pointer: prefix + e.pointer })) }
    : result;

/** The API's answer to a case the service could not decide: its authority, or a pack in force, is missing. */
function refusalProblem(
  refusal: Exclude<AuthorityDecision, { kind: 'decided' }>,
  authorityId: string,
): Problem {
  if (refusal.kind === 'unknown-authority') return problem(404, `There is no authority "${authorityId}".`);
  return problem(422, `No ${authorityId} rule pack is in force on ${refusal.asOf}.`, [
    { pointer: '/asOf', message: `no rule pack in force on ${refusal.asOf}` },
  ]);
}

interface BatchRequest {
  cases: { authorityId: string; case: Case }[];
}

/** `?trace=`: whether the answer carries its trace (true unless `false`); any other value is a 400. */
function wantsTrace(value: unknown): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw new HttpProblem(problem(400, '"trace" must be true or false, given once.'));
}

/** The audit fields of a decision, as the log writes them: a fixed shape, no case facts. */
function auditOf(result: Decision, client: unknown, started: bigint): DecisionAudit {
  return {
    decisionId: result.decisionId,
    client: typeof client === 'string' ? client : null,
    authority: result.authority.id,
    ruleSetVersion: result.ruleSet.version,
    ruleSetSha256: result.ruleSet.sha256,
    outcome: result.outcome,
    reasonCodes: result.reasons.map((r) => r.code),
    latencyMs: Math.round(Number(process.hrtime.bigint() - started) / 1e3) / 1e3,
  };
}

interface DecisionsDeps {
  rules: RuleService;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  settings: HttpSettings;
}

export function decisionsRouter({ rules, clock, log, metrics, settings }: DecisionsDeps): Router {
  const router = Router();
  const budget = new BodyBudget(settings.bodyBytesInFlight);

  /**
   * Decides one case and hands its audit (the decision, never the person) to `audit`: a single decision's goes
   * on the request's line, a batch case's on a line of its own.
   */
  function decideAndAudit(
    store: RuleStore,
    authorityId: string,
    caseFacts: Case,
    language: Language,
    res: Response,
    audit: (fields: DecisionAudit) => void,
  ): Decision | Problem {
    const decisionId = randomUUID();
    const started = process.hrtime.bigint();
    try {
      const result = decideForAuthority(store, authorityId, caseFacts, clock, () => decisionId, language);
      if (result.kind !== 'decided') return refusalProblem(result, authorityId);
      const { decision } = result;
      metrics.decisions.inc({ authority: decision.authority.id, outcome: decision.outcome });
      audit(auditOf(decision, res.locals.client, started));
      return decision;
    } catch (error) {
      // A fault of ours: logged with its stack (no case facts), answered 500 with the decision id to quote.
      log.error('decision failed', {
        decisionId,
        requestId: res.locals.requestId,
        authority: authorityId,
        error: (error as Error).stack,
      });
      return {
        ...problem(500, 'The decision could not be made: quote the decisionId when reporting this.'),
        decisionId,
      };
    }
  }

  /** One case of a batch: its decision, or the problem that stops it (with pointers into the whole body). */
  function answerBatchCase(
    store: RuleStore,
    item: BatchRequest['cases'][number],
    i: number,
    language: Language,
    res: Response,
  ): Decision | Problem {
    // Lists are bounded before schema validation, whose cost grows with the square of their length.
    const tooLong = shapeProblem(item, bodyShapeLimits, { at: `/cases/${i}` });
    if (tooLong) return problem(400, `Case ${i} ${tooLong.message}.`, [tooLong]);
    const errors = schemaErrors('BatchRequest/properties/cases/items', item, `/cases/${i}`);
    if (errors.length) return problem(400, `Case ${i} does not match the schema.`, errors);
    if (!store.packs.has(item.authorityId)) {
      return problem(404, `There is no authority "${item.authorityId}".`, [
        { pointer: `/cases/${i}/authorityId`, message: 'no such authority' },
      ]);
    }
    const result = decideAndAudit(store, item.authorityId, item.case, language, res, (audit) =>
      // Unchanged in shape for readers of batch audits: the request id first after the decision id.
      log.info('decision', {
        decisionId: audit.decisionId,
        requestId: res.locals.requestId,
        client: audit.client,
        authority: audit.authority,
        ruleSetVersion: audit.ruleSetVersion,
        ruleSetSha256: audit.ruleSetSha256,
        outcome: audit.outcome,
        reasonCodes: audit.reasonCodes,
        latencyMs: audit.latencyMs,
      }),
    );
    return isProblem(result) ? withPointersUnder(result, `/cases/${i}/case`) : result;
  }

  router.post(
    '/v1/authorities/:authorityId/decisions',
    requireReady(rules),
    ...jsonBody(settings.bodyLimitSingle, budget),
    (req, res) => {
      const store = rules.current()!;
      const trace = wantsTrace(req.query.trace);
      const authorityId = req.params.authorityId as string;
      if (!store.packs.has(authorityId))
        throw new HttpProblem(problem(404, `There is no authority "${authorityId}".`));
      const errors = schemaErrors('Case', req.body);
      if (errors.length)
        throw new HttpProblem(problem(400, 'The case does not match the Case schema.', errors));
      const language = askedLanguage(req);
      const result = decideAndAudit(store, authorityId, req.body as Case, language, res, (audit) =>
        setDecisionAudit(res, audit),
      );
      if (isProblem(result)) return sendProblem(res, result);
      setLanguageHeaders(res, language);
      sendJsonBytes(res, decisionBytes(result, trace));
    },
  );

  router.post(
    '/v1/decisions/batch',
    requireReady(rules),
    ...jsonBody(settings.bodyLimitBatch, budget),
    async (req, res) => {
      const store = rules.current()!;
      const trace = wantsTrace(req.query.trace);
      const body = req.body as BatchRequest;
      // The envelope is checked with placeholder cases, then each case on its own: one bad case gets a
      // problem in its place and neither sinks the rest nor uses up their error reports.
      const cases: unknown[] | undefined = Array.isArray(body?.cases) ? body.cases : undefined;
      const envelope = cases ? { ...body, cases: cases.map(() => placeholderCase) } : body;
      const envelopeErrors = schemaErrors('BatchRequest', envelope);
      if (envelopeErrors.length) {
        throw new HttpProblem(
          problem(400, 'The body does not match the BatchRequest schema.', envelopeErrors),
        );
      }
      const language = askedLanguage(req);
      const output = await batchJsonInSlices(
        body.cases.length,
        (i) => answerBatchCase(store, body.cases[i]!, i, language, res),
        { trace },
      );
      setLanguageHeaders(res, language);
      output.send(res);
    },
  );

  return router;
}
