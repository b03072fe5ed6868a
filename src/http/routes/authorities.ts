// GET /v1/authorities and /v1/authorities/{authorityId}: what each authority's scheme is, and its tables.
import { Router } from 'express';
import type { AuthorityDetail } from '../../contract/apiTypes';
import type { CompiledPack } from '../../rules/compiledPack';
import { currentPack } from '../../rules/loadRules';
import { authoritySummary } from '../../services/authoritySummary';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { HttpProblem, problem } from '../problem';
import { requireReady } from './requireReady';

export function authorityDetail(compiled: CompiledPack): AuthorityDetail {
  const { pack } = compiled;
  return {
    ...authoritySummary(compiled),
    sources: pack.sources.map((s) => ({ document: s.file, title: s.title })),
    tables: Object.values(compiled.tables).flatMap((table) =>
      table
        ? [
            {
              id: table.id,
              title: table.title,
              hitPolicy: table.hitPolicy,
              inputs: (pack.tables[table.id]?.inputs ?? []).map((i) => ({
                fact: i.fact,
                label: i.label ?? i.fact,
              })),
              rows: table.rows.map((row) => ({
                id: row.id,
                source: row.citation,
                conditions: row.require
                  ? { when: row.when.cells, require: row.require.cells }
                  : row.when.cells,
                outputs: row.then as Record<string, unknown>,
              })),
            },
          ]
        : [],
    ),
    alternatives: pack.alternatives?.values ?? [],
  };
}

export function authoritiesRouter(rules: RuleService, clock: Clock): Router {
  const router = Router();
  router.get('/v1/authorities', requireReady(rules), (_req, res) => {
    const store = rules.current()!;
    const authorities = [...store.packs.keys()]
      .sort()
      .map((id) => authoritySummary(currentPack(store, id, clock.today())!));
    res.json({ authorities });
  });
  router.get('/v1/authorities/:authorityId', requireReady(rules), (req, res) => {
    const store = rules.current()!;
    const pack = currentPack(store, req.params.authorityId as string, clock.today());
    if (!pack) throw new HttpProblem(problem(404, `There is no authority "${req.params.authorityId}".`));
    res.json(authorityDetail(pack));
  });
  return router;
}
