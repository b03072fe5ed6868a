// GET /v1/authorities and /v1/authorities/{authorityId}: what each authority's scheme is, and its tables.
import { Router } from 'express';
import type { AuthorityDetail } from '../../contract/apiTypes';
import { WelshAnswer } from '../../services/decisionInLanguage';
import { packText } from '../../decide/wording';
import { welshOfRules } from '../../services/welshWording';
import type { Language } from '../../messages/messages';
import type { CompiledPack } from '../../rules/compiledPack';
import { currentPack } from '../../rules/loadRules';
import { authoritySummary, welshAuthoritySummary } from '../../services/authoritySummary';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { askedLanguage, setLanguageHeaders } from '../answerLanguage';
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

/** The fields of a row's `then` that are words (those a row's `cy` block can translate); the rest are codes. */
const rowTextFields = ['criterion', 'text', 'name', 'label'] as const;

/** A row's outputs with their words in Welsh where the row has them. */
function welshOutputs(
  ruleId: string,
  outputs: Record<string, unknown>,
  words: WelshAnswer,
  at: readonly (string | number)[],
): Record<string, unknown> {
  const copy = { ...outputs };
  for (const field of rowTextFields) {
    const english = outputs[field];
    if (typeof english === 'string')
      copy[field] = words.text(packText(ruleId, field, english), [...at, field]);
  }
  const fitter = outputs.fitter as { name?: unknown } | undefined;
  if (typeof fitter?.name === 'string') {
    copy.fitter = {
      ...fitter,
      name: words.text(packText(ruleId, 'fitter.name', fitter.name), [...at, 'fitter', 'name']),
    };
  }
  return copy;
}

/**
 * The detail in Welsh: the pack's texts where it has Welsh for them. Table titles and input labels have no Welsh
 * in a pack yet, so they are listed as English; document titles name English documents and stay as they are.
 */
export function welshAuthorityDetail(compiled: CompiledPack): AuthorityDetail {
  const words = new WelshAnswer(welshOfRules(compiled));
  const detail = authorityDetail(compiled);
  const tables = detail.tables.map((table, t) => ({
    ...table,
    title: words.text(packText(`${compiled.pack.authorityId}/${table.id}`, 'title', table.title), [
      'tables',
      t,
      'title',
    ]),
    inputs: table.inputs.map((input, i) => ({
      ...input,
      label:
        input.label === input.fact
          ? input.label
          : words.text(packText(null, `tables.${table.id}.inputs.${i}.label`, input.label), [
              'tables',
              t,
              'inputs',
              i,
              'label',
            ]),
    })),
    rows: table.rows.map((row, r) => ({
      ...row,
      outputs: welshOutputs(`${compiled.pack.authorityId}/${table.id}/${row.id}`, row.outputs, words, [
        'tables',
        t,
        'rows',
        r,
        'outputs',
      ]),
    })),
  }));
  const summary = welshAuthoritySummary(compiled, words);
  return {
    ...detail,
    ...summary,
    tables,
    language: {
      served: 'cy',
      englishFallback: words.englishFallback,
      unreviewedWelsh: words.unreviewedWelsh,
    },
  };
}

const detailIn = (compiled: CompiledPack, language: Language) =>
  language === 'cy' ? welshAuthorityDetail(compiled) : authorityDetail(compiled);

export function authoritiesRouter(rules: RuleService, clock: Clock): Router {
  const router = Router();
  router.get('/v1/authorities', requireReady(rules), (req, res) => {
    const store = rules.current()!;
    const language = askedLanguage(req);
    const packs = [...store.packs.keys()].sort().map((id) => currentPack(store, id, clock.today())!);
    setLanguageHeaders(res, language);
    if (language === 'en') return void res.json({ authorities: packs.map(authoritySummary) });
    const words = new WelshAnswer(() => undefined);
    const authorities = packs.map((pack, i) =>
      welshAuthoritySummary(pack, words.forPack(pack), ['authorities', i]),
    );
    res.json({
      authorities,
      language: {
        served: 'cy',
        englishFallback: words.englishFallback,
        unreviewedWelsh: words.unreviewedWelsh,
      },
    });
  });
  router.get('/v1/authorities/:authorityId', requireReady(rules), (req, res) => {
    const store = rules.current()!;
    const pack = currentPack(store, req.params.authorityId as string, clock.today());
    if (!pack) throw new HttpProblem(problem(404, `There is no authority "${req.params.authorityId}".`));
    const language = askedLanguage(req);
    setLanguageHeaders(res, language);
    res.json(detailIn(pack, language));
  });
  return router;
}
