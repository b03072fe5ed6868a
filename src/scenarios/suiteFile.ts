// Scenario suites on disk: JSON, or YAML for testers who find it easier to write; the same shape either way.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Case } from '../contract/apiTypes';
import type { Expectation } from './expectation';

export interface Scenario {
  name: string;
  case: Case;
  expect: Expectation;
}

export interface ScenarioSuite {
  authority: string;
  description?: string;
  scenarios: Scenario[];
}

const suiteExtensions = ['.json', '.yaml', '.yml'];

export const isSuiteFile = (file: string) => suiteExtensions.includes(path.extname(file).toLowerCase());

/** The suite files directly inside `dir`, in name order. */
export function suiteFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter(isSuiteFile)
    .sort()
    .map((name) => path.join(dir, name));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the outline of a suite, so that a typo fails with a message instead of a crash mid-run. */
export function asSuite(value: unknown): ScenarioSuite {
  if (!isObject(value)) throw new Error('a suite must be an object with "authority" and "scenarios"');
  if (typeof value.authority !== 'string') throw new Error('"authority" must be an authority id');
  if (!Array.isArray(value.scenarios)) throw new Error('"scenarios" must be a list');
  value.scenarios.forEach((scenario: unknown, i) => {
    const where = `scenarios[${i}]`;
    if (!isObject(scenario)) throw new Error(`${where} must be an object`);
    if (typeof scenario.name !== 'string') throw new Error(`${where} needs a "name"`);
    if (!isObject(scenario.case)) throw new Error(`${where} ("${scenario.name}") needs a "case" object`);
    if (!isObject(scenario.expect)) throw new Error(`${where} ("${scenario.name}") needs an "expect" object`);
  });
  return value as unknown as ScenarioSuite;
}

export function parseSuite(text: string, file: string): ScenarioSuite {
  const yaml = path.extname(file).toLowerCase() !== '.json';
  return asSuite(yaml ? loadYaml(text, { schema: CORE_SCHEMA, filename: file }) : JSON.parse(text));
}

export function readSuite(file: string): ScenarioSuite {
  return parseSuite(readFileSync(file, 'utf8'), file);
}
