// The app as production builds it, on the bundled rules, with a fixed clock and no log output.
import path from 'node:path';
import { createApp } from '../../src/http/app';
import { silentLogger } from '../../src/logger';
import { loadRules, type RuleStore } from '../../src/rules/loadRules';
import { RuleService } from '../../src/services/ruleService';

export const bundledRulesDir = path.join(__dirname, '..', '..', 'rules');
export const fixedToday = '2026-11-24';
let bundled: RuleStore | undefined;

/** The version of a bundled pack as it is now, so tests do not break when a pack is re-read and bumped. */
export const bundledVersion = (authorityId: string): string =>
  bundledRules().packs.get(authorityId)!.at(-1)!.ruleSet.version;

export function bundledRules(): RuleStore {
  bundled ??= loadRules(bundledRulesDir);
  return bundled;
}

export function appWithRules(store: RuleStore | null = bundledRules()) {
  const rules = new RuleService(store);
  return createApp({ rules, clock: { today: () => fixedToday }, log: silentLogger });
}

/** An answer's JSON text with its decision ids left out: they are random, and everything else must match. */
export const withoutDecisionIds = (text: string): string =>
  JSON.stringify(JSON.parse(text), (key, value: unknown) => (key === 'decisionId' ? undefined : value));
