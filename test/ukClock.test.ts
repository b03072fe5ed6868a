// The default `asOf` is today in the UK, not in UTC: near midnight in summer the two are different days.
import { ukClock } from '../src/services/decisionService';

afterEach(() => jest.useRealTimers());

test.each([
  ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: already tomorrow in London
  ['2026-12-31T23:30:00Z', '2026-12-31'], // GMT: the same day
  ['2026-03-29T00:59:59Z', '2026-03-29'], // the last second of GMT before the clocks go forward
])('at %s it is %s in the UK', (instant, ukDate) => {
  jest.useFakeTimers({ now: new Date(instant) });
  expect(ukClock.today()).toBe(ukDate);
});
