// A sample of the API fuzzing, in `npm test`: generated requests, valid and invalid, sent to the app on 127.0.0.1.
// `npm run fuzz` sends 100,000. The seed is in the test's name; FUZZ_SEED=<n> replays a run.
import { bundledRules, fixedToday } from './support/appSetup';
import { fuzzApi } from './support/fuzz/fuzzApi';
import { families } from './support/fuzz/requests';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const count = 2_000;

test(`${count} generated requests: valid cases decided, bad input refused with problem+json, never a 5xx (FUZZ_SEED=${seed})`, async () => {
  const report = await fuzzApi({ count, seed, store: bundledRules(), today: fixedToday });
  // Each failure names the request, the answer, and which promise it broke.
  expect(report.failures).toEqual([]);
  expect(report.total).toBe(count);
  expect(Object.keys(report.byFamily).sort()).toEqual([...families].sort());
  expect(report.serverAlive).toBe(true);
  expect(report.prototypePolluted).toBe(false);
}, 60_000);
