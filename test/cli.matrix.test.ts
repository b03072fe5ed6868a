// The coverage matrix ("postcode lottery") report: complete, right on known cells, in every format and over HTTP.
import request from 'supertest';
import { main } from '../src/cli/main';
import { decide } from '../src/decide/decide';
import { schemaErrors } from '../src/contract/schemaValidation';
import { buildCoverageMatrix, type CoverageMatrix } from '../src/reports/coverageMatrix';
import { matrixCsv } from '../src/reports/matrixCsv';
import { matrixHtml } from '../src/reports/matrixHtml';
import { matrixMarkdown } from '../src/reports/matrixMarkdown';
import { caseFor, riskLevels, tenures } from '../src/reports/standardCase';
import { packInForce } from '../src/rules/loadRules';
import { appWithRules, bundledRules, fixedToday } from './support/appSetup';

const store = bundledRules();
const matrix = buildCoverageMatrix(store, fixedToday);
const cell = (authorityId: string, tenure: string, riskLevel: string) =>
  matrix.rows.find((r) => r.authorityId === authorityId && r.tenure === tenure && r.riskLevel === riskLevel)!;

describe('the matrix', () => {
  test('has one row for every authority × 6 tenures × 3 risk levels, valid against the schema', () => {
    expect(tenures).toHaveLength(6);
    expect(riskLevels).toEqual(['standard', 'medium', 'high']);
    const keys = matrix.rows.map((r) => `${r.authorityId}/${r.tenure}/${r.riskLevel}`);
    const expected = [...store.packs.keys()]
      .sort()
      .flatMap((a) => tenures.flatMap((t) => riskLevels.map((l) => `${a}/${t}/${l}`)));
    expect(keys).toEqual(expected);
    expect(matrix.notInForce).toEqual([]);
    expect(schemaErrors('CoverageMatrix', matrix)).toEqual([]);
  });

  test('is right on cells the documents state', () => {
    for (const level of riskLevels)
      expect(cell('wrexham', 'private-rented', level).outcome).toBe('ineligible');
    expect(cell('dartford', 'owner-occupier', 'high')).toMatchObject({
      authorityName: 'Dartford Borough Council',
      outcome: 'eligible',
      funder: 'homelessness-prevention-grant',
      victimContribution: 'none',
      tenureCoverage: 'covered',
      // "within 3 working days" is not turned into hours.
      responseWithinHours: null,
    });
    expect(cell('blaenau-gwent', 'private-rented', 'high').tenureCoverage).toBe('not-covered');
    // Gwynedd's scheme is accessed through MARAC, which the standard case reaches only at high risk.
    expect(cell('gwynedd', 'council-tenant', 'standard').outcome).toBe('ineligible');
    expect(cell('gwynedd', 'council-tenant', 'high').outcome).toBe('eligible');
  });

  test('the standard case is complete and keeps to the row: no cell asks for facts or resolves another risk', () => {
    expect(matrix.rows.filter((r) => r.outcome === 'more-information-needed')).toEqual([]);
    for (const [authorityId] of store.packs) {
      const pack = packInForce(store, authorityId, fixedToday)!;
      for (const level of riskLevels) {
        const context = { decisionId: 'x', asOf: fixedToday, catalogue: store.measureById };
        const decision = decide(caseFor('council-tenant', level), pack, context);
        expect([authorityId, decision.riskLevel]).toEqual([authorityId, level]);
      }
    }
    for (const tenure of tenures) expect(schemaErrors('Case', caseFor(tenure, 'high'))).toEqual([]);
  });

  test('lists authorities with no pack in force instead of dropping them silently', () => {
    const early = buildCoverageMatrix(store, '1999-01-01');
    expect(early.rows).toEqual([]);
    expect(early.notInForce).toEqual([...store.packs.keys()].sort());
  });
});

describe('formats', () => {
  const hostile: CoverageMatrix = {
    ...matrix,
    rows: [
      {
        ...matrix.rows[0]!,
        authorityName: 'A <b>"Council"</b> & Co | Ltd',
        responseWithinHours: null,
        responseLabel: '=HYPERLINK("x"), soon',
      },
    ],
  };

  test('csv: a header and one line per row, quoted where needed, formulas defused', () => {
    const lines = matrixCsv(matrix).split('\r\n');
    expect(lines[0]).toBe(
      'authorityId,authorityName,tenure,riskLevel,outcome,tenureCoverage,funder,victimContribution,responseWithinHours,responseLabel',
    );
    expect(lines).toHaveLength(matrix.rows.length + 2); // the header, the rows, and the final line break
    expect(matrixCsv(hostile).split('\r\n')[1]).toBe(
      `anglesey,"A <b>""Council""</b> & Co | Ltd",council-tenant,standard,eligible,covered,community-safety-partnership,none,,"'=HYPERLINK(""x""), soon"`,
    );
  });

  test('md: the standard case in the header, then a grid with one symbol per cell and a key', () => {
    const md = matrixMarkdown(matrix);
    expect(md).toContain(`Generated from the rule packs in force on ${fixedToday}.`);
    expect(md).toContain(
      '- `referral.source`: police at standard risk, police at medium risk, marac at high risk',
    );
    expect(md).toContain('- `property.landlordPermission`: granted');
    expect(md).toContain(
      '| Council | Council tenant S | Council tenant M | Council tenant H | Housing association S',
    );
    // "Fit to all tenure apart from PRS".
    expect(md).toContain(
      '| Blaenau Gwent County Borough Council | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✗ | ✗ | ✗ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |',
    );
    const authorities = new Set(matrix.rows.map((r) => r.authorityId)).size;
    expect(md.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(authorities + 2);
    expect(md).toContain('- ✓ eligible (');
    expect(md).toContain('- ? unknown');
    expect(matrixMarkdown(hostile)).toContain('| A <b>"Council"</b> & Co \\| Ltd |');
  });

  test('html: an accessible table with a caption and scoped headers, everything escaped', () => {
    const html = matrixHtml(matrix);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<caption>');
    expect(html).toContain('<th scope="colgroup" colspan="3">Private rented</th>');
    expect(html).toContain('<th scope="col"><abbr title="high risk">H</abbr></th>');
    // The symbol is for the eye; the outcome is in words for a screen reader.
    expect(html).toContain(
      '<td title="ineligible"><span aria-hidden="true">✗</span><span class="visually-hidden">ineligible</span></td>',
    );
    expect(html.match(/<th scope="row">/g)).toHaveLength(new Set(matrix.rows.map((r) => r.authorityId)).size);
    expect(html).toContain('<h2>Key</h2>');
    const escaped = matrixHtml(hostile);
    expect(escaped).toContain('A &lt;b&gt;&quot;Council&quot;&lt;/b&gt; &amp; Co | Ltd');
    expect(escaped).not.toContain('<b>');
  });
});

describe('sanctuary-rules matrix', () => {
  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const write = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk) => out.push(String(chunk)) > 0);
    const error = jest
      .spyOn(console, 'error')
      .mockImplementation((...parts) => void err.push(parts.join(' ')));
    try {
      const code = await main(['matrix', ...args]);
      return { code, stdout: out.join(''), stderr: err.join('\n') };
    } finally {
      write.mockRestore();
      error.mockRestore();
    }
  }

  test('writes Markdown by default, and each other format on request', async () => {
    const md = await cli('--as-of', fixedToday);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(matrixMarkdown(matrix));
    for (const [format, render] of [
      ['csv', matrixCsv],
      ['html', matrixHtml],
    ] as const) {
      const run = await cli('--format', format, '--as-of', fixedToday);
      expect([run.code, run.stdout]).toEqual([0, render(matrix)]);
    }
    const json = await cli('--format', 'json', '--as-of', fixedToday);
    expect(JSON.parse(json.stdout)).toEqual(matrix);
  });

  test.each([[['--format', 'xls']], [['--as-of', '2026-02-30']], [['--as-of', 'today']], [['--bogus']]])(
    'wrong usage %j exits 2',
    async (args) => {
      const { code, stderr } = await cli(...args);
      expect(code).toBe(2);
      expect(stderr).toContain('usage: sanctuary-rules matrix');
    },
  );
});

describe('GET /v1/reports/coverage-matrix', () => {
  const app = appWithRules();
  const url = '/v1/reports/coverage-matrix';

  test('answers JSON valid against the CoverageMatrix schema, as of today by default', async () => {
    const res = await request(app).get(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(schemaErrors('CoverageMatrix', res.body)).toEqual([]);
    expect(res.body).toEqual(matrix);
  });

  test.each([
    ['csv', /^text\/csv/, matrixCsv],
    ['md', /^text\/markdown/, matrixMarkdown],
    ['html', /^text\/html/, matrixHtml],
  ] as const)('?format=%s answers that text', async (format, type, render) => {
    const res = await request(app).get(url).query({ format });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.text).toBe(render(matrix));
  });

  test('applies the rules in force on ?asOf', async () => {
    const res = await request(app).get(url).query({ asOf: '1999-01-01' });
    expect(res.body).toMatchObject({ asOf: '1999-01-01', rows: [] });
  });

  test.each([{ format: 'xml' }, { asOf: '2026-13-01' }, { asOf: 'tomorrow' }])(
    'refuses %j with a problem',
    async (query) => {
      const res = await request(app).get(url).query(query);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(schemaErrors('Problem', res.body)).toEqual([]);
    },
  );

  test('is unavailable until rules are loaded', async () => {
    expect((await request(appWithRules(null)).get(url)).status).toBe(503);
  });
});
