// GET /v1/measures: the catalogue of security measures, its labels in the language asked.
import { Router } from 'express';
import type { Measure } from '../../contract/apiTypes';
import { WelshAnswer } from '../../services/decisionInLanguage';
import { catalogueLabel } from '../../decide/wording';
import type { MeasureInfo } from '../../rules/loadRules';
import type { RuleService } from '../../services/ruleService';
import { askedLanguage, setLanguageHeaders } from '../answerLanguage';
import { requireReady } from './requireReady';

/** The catalogue in Welsh: each label the service has translated, the rest (added since) listed as English. */
function welshMeasures(measures: readonly MeasureInfo[]) {
  const words = new WelshAnswer(() => undefined);
  const welsh = measures.map((m, i): Measure => ({
    ...(m as Measure),
    label: words.text(catalogueLabel(`measure.${m.id}`, m.label), ['measures', i, 'label']),
  }));
  return {
    measures: welsh,
    language: { served: 'cy' as const, englishFallback: words.englishFallback, unreviewedWelsh: [] },
  };
}

export function measuresRouter(rules: RuleService): Router {
  const router = Router();
  router.get('/v1/measures', requireReady(rules), (req, res) => {
    const { measures } = rules.current()!;
    const language = askedLanguage(req);
    setLanguageHeaders(res, language);
    res.json(language === 'cy' ? welshMeasures(measures) : { measures });
  });
  return router;
}
