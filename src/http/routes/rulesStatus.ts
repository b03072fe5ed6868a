// GET /v1/rules/status: which version of each pack is live, and which pack files were refused and why.
import { Router } from 'express';
import type { RulesStatus } from '../../contract/apiTypes';
import type { RuleService } from '../../services/ruleService';

export function rulesStatusRouter(rules: RuleService): Router {
  const router = Router();
  router.get('/v1/rules/status', (_req, res) => {
    const store = rules.current();
    const status: RulesStatus = {
      packs: [...(store?.packs.values() ?? [])].flat().map(({ pack, ruleSet, file, loadedAt }) => ({
        authorityId: pack.authorityId,
        ...ruleSet,
        loadedAt,
        file,
      })),
      rejected: (store?.rejected ?? []).map(({ file, problems, rejectedAt, keptVersion }) => ({
        file,
        rejectedAt,
        keptVersion,
        errors: problems.map(({ pointer, message }) => ({ pointer, message })),
      })),
    };
    res.json(status);
  });
  return router;
}
