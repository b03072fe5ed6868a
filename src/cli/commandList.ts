// Every command's usage line and summary: the overall help reads them here, without loading the commands
// (export and import load the spreadsheet library, diff the whole analysis).
export const commandList = {
  check: {
    usage: 'check [RULES_DIR] [--sources DIR] [--language cy]',
    summary: 'check every rule pack: schema, meaning, gaps, overlaps and unreachable rows',
  },
  test: {
    usage: 'test [SCENARIO_FILES…] [--rules DIR] [--junit FILE] [--coverage] [--min-coverage N]',
    summary: 'run scenario suites: a diff for each failure, JUnit XML and table-row coverage',
  },
  diff: {
    usage: 'diff OLD_RULES_DIR NEW_RULES_DIR [--scenarios DIR] [--cases FILE]',
    summary:
      'show how a change to the rules changes decisions, case by case, scenario by scenario and in a file of cases',
  },
  matrix: {
    usage: 'matrix [--format csv|md|html|json] [--rules DIR] [--as-of DATE]',
    summary: 'the coverage matrix: every authority × tenure × risk level, decided for one standard case',
  },
  export: {
    usage: 'export AUTHORITY --out FILE.xlsx [--rules DIR] [--as-of YYYY-MM-DD]',
    summary: "write an authority's rule pack as a workbook to edit in Excel or LibreOffice",
  },
  import: {
    usage: 'import FILE.xlsx [--rules DIR] [--out FILE.json]',
    summary: 'read a workbook back into a rule pack: every problem at its cell, and what it would change',
  },
} as const;

export type CommandName = keyof typeof commandList;

export interface Command {
  run(args: string[]): Promise<number>;
}
