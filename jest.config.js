/**
 * Tests are transformed by ts-jest without type-checking (`isolatedModules`), because `npm test` runs
 * `tsc --noEmit` over src/ and test/ first. TypeScript is pinned to 5.9 for ts-jest (see the README).
 *
 * The browser suites (test/e2e) drive a Chromium found here: CHROMIUM_PATH, or the usual install paths. Without
 * one they are skipped with a line saying so, except under CI, where a missing browser must fail the run.
 */
const { existsSync } = require('node:fs');

const usualPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const chromium = process.env.CHROMIUM_PATH || usualPaths.find((path) => existsSync(path));
const skipBrowsers = !chromium && !process.env.CI;
if (chromium) process.env.CHROMIUM_PATH = chromium;
else if (skipBrowsers)
  console.warn(
    'Browser tests skipped: no Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) ' +
      'or set CHROMIUM_PATH.',
  );

module.exports = {
  testEnvironment: 'node',
  // Jest's default of 5 s a test is a clock the tests would race on a loaded machine: no test asserts a time.
  testTimeout: 60_000,
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(skipBrowsers ? ['<rootDir>/test/e2e/'] : [])],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
