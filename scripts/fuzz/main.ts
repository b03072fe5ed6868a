// `npm run fuzz`: 100,000 generated requests (FUZZ_COUNT to change), valid and invalid mixed, against the app on
// 127.0.0.1. Prints the answers by status and by family, and the time taken; exits 1 if any answer breaks the
// API's promises. FUZZ_SEED replays a run.
import { bundledRules, fixedToday } from '../../test/support/appSetup';
import { fuzzApi, type FuzzReport } from '../../test/support/fuzz/fuzzApi';

function table(report: FuzzReport): string {
  const statuses = Object.keys(report.byStatus).sort();
  const rows = Object.entries(report.byFamily).map(([family, counts]) => [
    family,
    ...statuses.map((s) => String(counts?.[s] ?? '')),
  ]);
  const all = [['family', ...statuses], ...rows, ['all', ...statuses.map((s) => String(report.byStatus[s]))]];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all
    .map((row) => row.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

async function main() {
  const count = Number(process.env.FUZZ_COUNT ?? 100_000);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  if (!Number.isSafeInteger(count) || count < 1)
    throw new Error(`FUZZ_COUNT must be a positive whole number`);
  console.log(`fuzzing ${count} requests against 127.0.0.1 (FUZZ_SEED=${seed})`);
  const report = await fuzzApi({ count, seed, store: bundledRules(), today: fixedToday });
  const seconds = report.elapsedMs / 1000;
  console.log(table(report));
  console.log(
    `${report.total} requests in ${seconds.toFixed(1)} s (${Math.round(report.total / seconds)}/s)`,
  );
  console.log(
    `server alive afterwards: ${report.serverAlive}; Object.prototype polluted: ${report.prototypePolluted}`,
  );
  for (const failure of report.failures) {
    console.log(`\n#${failure.index} ${failure.family}\n  ${failure.request}\n  -> ${failure.answer}`);
    for (const problem of failure.problems) console.log(`  ! ${problem}`);
  }
  const ok = report.failureCount === 0 && report.serverAlive && !report.prototypePolluted;
  console.log(
    ok ? '\nno violations' : `\n${report.failureCount} violations (FUZZ_SEED=${seed} replays them)`,
  );
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
