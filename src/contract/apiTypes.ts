// The API's types, derived from openapi.yaml by `npm run gen:types`.
import type { components } from '../generated/openapi';

type Schemas = components['schemas'];
export type Case = Schemas['Case'];
export type Decision = Schemas['Decision'];
export type Reason = Schemas['Reason'];
export type MeasureItem = Schemas['MeasureItem'];
export type Approval = Schemas['Approval'];
export type Routing = Schemas['Routing'];
export type TraceEntry = Schemas['TraceEntry'];
export type Problem = Schemas['Problem'];
export type Outcome = Schemas['Outcome'];
export type RiskLevel = Schemas['RiskLevel'];
export type MeasureId = Schemas['MeasureId'];
export type AuthoritySummary = Schemas['AuthoritySummary'];
export type AuthorityDetail = Schemas['AuthorityDetail'];
export type RulesStatus = Schemas['RulesStatus'];
export type LanguageServed = Schemas['LanguageServed'];
export type Measure = Schemas['Measure'];
