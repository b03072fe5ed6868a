// The facts a rule may read, with their typed domains, derived from the Case schema in openapi.yaml
// (so a rule can never name a fact the API does not accept), plus the few facts the service derives.
import { componentSchema, resolveSchema, type JsonSchema } from '../contract/openapi';

export type FactDomain =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  /** A list fact (assessment.recommendedMeasures): cells test whether it includes a value. */
  | { kind: 'set'; values: readonly string[] }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number };

export interface FactInfo {
  path: string;
  domain: FactDomain;
  /** Where the fact may be used: `case` facts anywhere, `measure` only in the measures table. */
  scope: 'case' | 'derived' | 'measure';
}

function domainOf(schema: JsonSchema): FactDomain | null {
  const resolved = resolveSchema(schema);
  if (Array.isArray(resolved.enum)) return { kind: 'enum', values: resolved.enum as string[] };
  if (resolved.type === 'boolean') return { kind: 'boolean' };
  if (resolved.type === 'integer' || resolved.type === 'number') {
    const min = typeof resolved.minimum === 'number' ? resolved.minimum : Number.MIN_SAFE_INTEGER;
    const max = typeof resolved.maximum === 'number' ? resolved.maximum : Number.MAX_SAFE_INTEGER;
    return { kind: resolved.type, min, max };
  }
  if (resolved.type === 'array' && resolved.items) {
    const items = resolveSchema(resolved.items as JsonSchema);
    if (Array.isArray(items.enum)) return { kind: 'set', values: items.enum as string[] };
  }
  return null; // dates are not table inputs
}

function caseFacts(): FactInfo[] {
  const sections = (componentSchema('Case').properties ?? {}) as Record<string, JsonSchema>;
  const facts: FactInfo[] = [];
  for (const [section, sectionSchema] of Object.entries(sections)) {
    const properties = resolveSchema(sectionSchema).properties as Record<string, JsonSchema> | undefined;
    for (const [key, schema] of Object.entries(properties ?? {})) {
      const domain = domainOf(schema);
      if (domain) facts.push({ path: `${section}.${key}`, domain, scope: 'case' });
    }
  }
  return facts;
}

const riskLevels = resolveSchema(componentSchema('RiskLevel')).enum as string[];
const measureIds = resolveSchema(componentSchema('MeasureId')).enum as string[];

export const derivedFacts: readonly FactInfo[] = [
  { path: 'resolved.riskLevel', domain: { kind: 'enum', values: riskLevels }, scope: 'derived' },
  { path: 'resolved.worksCostAboveCap', domain: { kind: 'boolean' }, scope: 'derived' },
  { path: 'measure.id', domain: { kind: 'enum', values: measureIds }, scope: 'measure' },
];

export const factCatalogue: ReadonlyMap<string, FactInfo> = new Map(
  [...caseFacts(), ...derivedFacts].map((fact) => [fact.path, fact]),
);

export const riskLevelOrder: readonly string[] = riskLevels;
