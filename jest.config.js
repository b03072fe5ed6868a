/**
 * Tests are transformed by ts-jest without type-checking (`isolatedModules`), because `npm test` runs
 * `tsc --noEmit` over src/ and test/ first. TypeScript is pinned to 5.9 for ts-jest (see the README).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
