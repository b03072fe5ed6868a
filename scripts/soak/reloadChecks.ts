// Pack edits during the load, each checked through GET /v1/rules/status and a decision: at a quarter of the
// run a valid edit of one pack (a new version) must go live; at half a save cut off half way, at five eighths
// a schema error, and at eleven sixteenths an edit that claims the first pack's authority, in another pack must
// each be refused while its last good version keeps answering (and the first pack keeps its own rules, and a
// stray copy of it is refused); at three quarters that pack is restored and the refusal must clear.
import type { RulesStatus } from '../../src/contract/apiTypes';
import { check, type Check } from './check';
import { cutOffHalfWay, movedTo, withNewVersion, withoutScheme, type EditedPack } from './packEdits';
import type { RulesCopy } from './rulesCopy';
import {
  decisionFrom,
  livePack,
  rejection,
  rulesStatus,
  waitForStatus,
  type LivePack,
} from './serviceClient';

const currentLive = async (url: string, id: string) => livePack(await rulesStatus(url), id)!;

export interface ReloadPlan {
  /** The pack that gets a valid edit. */
  readonly edited: string;
  /** The pack that gets broken edits and is then restored. */
  readonly broken: string;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const sleepUntil = (at: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

async function validEdit(url: string, rules: RulesCopy, id: string, before: LivePack): Promise<Check> {
  const edit = withNewVersion(rules.original(id));
  const since = performance.now();
  rules.write(id, edit.text);
  const seen = await waitForStatus(url, (s) => livePack(s, id)?.version === edit.version, since);
  const decision = await decisionFrom(url, id);
  return check(
    `valid edit of ${id} goes live`,
    seen.met && decision.status === 200 && decision.version === edit.version,
    `${before.version} → ${edit.version}: ${seen.met ? 'live' : 'NOT live'} after ${ms(seen.afterMs)}; ` +
      `a decision then: ${decision.status}, version ${decision.version}`,
  );
}

const firstError = (status: RulesStatus, file: string) => {
  const error = rejection(status, file)?.errors[0];
  return error ? `${error.pointer || '/'} ${error.message}`.slice(0, 60) : 'no error given';
};

/** Writes a file and waits for its refusal: this write's, not an earlier one (refused at or after it). */
async function writeAndAwaitRefusal(url: string, file: string, write: () => void) {
  const writtenAt = Date.now();
  const since = performance.now();
  write();
  return waitForStatus(url, (s) => Date.parse(rejection(s, file)?.rejectedAt ?? '') >= writtenAt, since);
}

async function brokenEdit(
  url: string,
  rules: RulesCopy,
  id: string,
  before: LivePack,
  what: string,
  edit: EditedPack,
): Promise<Check> {
  const file = rules.statusFile(id);
  const seen = await writeAndAwaitRefusal(url, file, () => rules.write(id, edit.text));
  const refused = rejection(seen.status, file);
  const live = livePack(seen.status, id);
  const decision = await decisionFrom(url, id);
  const keptOld =
    refused?.keptVersion === before.version &&
    live?.version === before.version &&
    live.sha256 === before.sha256;
  return check(
    `${what} in ${id} is refused; ${before.version} keeps serving`,
    seen.met && keptOld && decision.status === 200 && decision.version === before.version,
    `${seen.met ? 'refused' : 'NOT refused'} after ${ms(seen.afterMs)} (${firstError(seen.status, file)}); ` +
      `keptVersion ${refused?.keptVersion ?? 'none'}, live ${live?.version ?? 'none'}` +
      `${live?.sha256 === before.sha256 ? ' (same sha256)' : ' (sha256 changed)'}; ` +
      `a decision then: ${decision.status}, version ${decision.version}`,
  );
}

/** A copy of a pack under another file name: refused, and the pack it copies keeps serving from its own file. */
async function strayCopy(url: string, rules: RulesCopy, id: string, before: LivePack): Promise<Check> {
  const name = `${id}-copy.json`;
  const file = rules.strayStatusFile(name);
  const seen = await writeAndAwaitRefusal(url, file, () => rules.writeStray(name, rules.original(id)));
  const live = livePack(seen.status, id);
  rules.removeStray(name);
  return check(
    `a stray copy ${name} is refused; ${id} keeps serving from its own file`,
    seen.met && live?.file === rules.statusFile(id) && live.sha256 === before.sha256,
    `${seen.met ? 'refused' : 'NOT refused'} after ${ms(seen.afterMs)} (${firstError(seen.status, file)}); ` +
      `live from ${live?.file ?? 'none'}`,
  );
}

/** Whether another authority still answers with its own version after a pack claimed its id. */
async function stillItsOwn(url: string, id: string, version: string): Promise<Check> {
  const decision = await decisionFrom(url, id);
  return check(
    `${id} still answers with its own rules`,
    decision.status === 200 && decision.version === version,
    `a decision: ${decision.status}, version ${decision.version} (expected ${version})`,
  );
}

async function restore(url: string, rules: RulesCopy, id: string, before: LivePack): Promise<Check> {
  const file = rules.statusFile(id);
  const since = performance.now();
  rules.write(id, rules.original(id));
  const seen = await waitForStatus(
    url,
    (s) => !rejection(s, file) && livePack(s, id)?.sha256 === before.sha256,
    since,
  );
  const decision = await decisionFrom(url, id);
  return check(
    `restore of ${id} goes live`,
    seen.met && decision.status === 200 && decision.version === before.version,
    `${seen.met ? 'refusal cleared, bundled sha256 live' : 'NOT cleared'} after ${ms(seen.afterMs)}; ` +
      `a decision then: ${decision.status}, version ${decision.version}`,
  );
}

/** Runs the edits at their fractions of a load that started at `loadStartedAt` (performance.now()). */
export async function editDuringLoad(
  url: string,
  rules: RulesCopy,
  plan: ReloadPlan,
  before: RulesStatus,
  loadStartedAt: number,
  loadSeconds: number,
): Promise<Check[]> {
  const at = (fraction: number) => sleepUntil(loadStartedAt + fraction * loadSeconds * 1000);
  const editedBefore = livePack(before, plan.edited);
  const brokenBefore = livePack(before, plan.broken);
  if (!editedBefore || !brokenBefore)
    return [check('packs to edit are live before the load', false, `${plan.edited}, ${plan.broken}`)];
  const original = rules.original(plan.broken);
  const checks: Check[] = [];
  await at(0.25);
  checks.push(await validEdit(url, rules, plan.edited, editedBefore));
  const breakWith = (what: string, edit: EditedPack) =>
    brokenEdit(url, rules, plan.broken, brokenBefore, what, edit);
  await at(0.5);
  checks.push(await breakWith('a save cut off half way', cutOffHalfWay(original)));
  await at(0.625);
  checks.push(await breakWith('a schema error (no scheme)', withoutScheme(original)));
  await at(0.6875);
  checks.push(
    await breakWith(`its authorityId changed to ${plan.edited}`, movedTo(original, plan.edited)),
    await stillItsOwn(url, plan.edited, withNewVersion(rules.original(plan.edited)).version),
    await strayCopy(url, rules, plan.edited, await currentLive(url, plan.edited)),
  );
  await at(0.75);
  checks.push(await restore(url, rules, plan.broken, brokenBefore));
  return checks;
}
