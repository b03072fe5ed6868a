// The import rules that keep src/ in its layers: `npm run lint:deps`, run by `npm test`.
/* global module */

/**
 * The rooms of src/, lowest first: a module may import from its own room or a lower one, never a higher one.
 * src/logger.ts sits with the contract because every room logs and it imports nothing from src/.
 */
const rooms = [
  { name: 'contract', path: '^src/(contract|generated|messages)/|^src/logger\\.ts$' },
  { name: 'rules', path: '^src/rules/' },
  { name: 'decide', path: '^src/decide/' },
  { name: 'services', path: '^src/services/' },
  { name: 'analysis', path: '^src/(analysis|reports|scenarios)/' },
  { name: 'interfaces', path: '^src/(http|cli|web)/' },
  { name: 'wiring', path: '^src/(?!logger\\.ts$)[^/]+$' },
];

/** One rule per room: nothing in it imports from any room above it. */
const noImportUpward = rooms.slice(0, -1).map((room, i) => ({
  name: `no-import-up-from-${room.name}`,
  comment: `${room.name} is below ${rooms
    .slice(i + 1)
    .map((r) => r.name)
    .join(', ')}: it may not import from them.`,
  severity: 'error',
  from: { path: room.path },
  to: { path: rooms.slice(i + 1).map((r) => `(${r.path})`) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import circles, type-only imports included, tie modules that should stand apart.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...noImportUpward,
    {
      name: 'no-test-or-scripts-from-src',
      comment: 'The service never depends on its tests or tools.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
  ],
  options: {
    // Type-only imports are dependencies too: they are what tsc sees before it erases them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
  },
};
