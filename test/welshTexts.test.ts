// The one reader of a pack's Welsh (`cy`) blocks: a text is Welsh only where it says something, `reviewed` is
// never a text, and a compiled pack's blocks include the national rows' under their `national/…` rule ids.
import { packInForce } from '../src/rules/loadRules';
import { valueAt, welshBlocks, welshTextOf, type WelshTextsOf } from '../src/rules/welshTexts';
import { bundledRules, fixedToday } from './support/appSetup';

describe('welshTextOf', () => {
  const cy: WelshTextsOf = { text: 'Testun', label: '', name: '   ', reviewed: true };

  test('gives the text and whether it is reviewed', () => {
    expect(welshTextOf(cy, 'text')).toEqual({ text: 'Testun', reviewed: true });
    expect(welshTextOf({ text: 'Testun', reviewed: false }, 'text')).toEqual({
      text: 'Testun',
      reviewed: false,
    });
  });

  test('never gives a blank, nor `reviewed` as a text', () => {
    expect(welshTextOf(cy, 'label')).toBeUndefined();
    expect(welshTextOf(cy, 'name')).toBeUndefined();
    expect(welshTextOf(cy, 'reviewed')).toBeUndefined();
    expect(welshTextOf(cy, 'criterion')).toBeUndefined();
    expect(welshTextOf(undefined, 'text')).toBeUndefined();
  });
});

test('valueAt reads a path of keys, and a dotted `cy` key as one key', () => {
  expect(valueAt({ fitter: { name: 'Tîm' } }, ['fitter', 'name'])).toBe('Tîm');
  expect(valueAt({ 'fitter.name': 'Tîm' }, ['fitter.name'])).toBe('Tîm');
  expect(valueAt({ fitter: null }, ['fitter', 'name'])).toBeUndefined();
  expect(valueAt(undefined, ['name'])).toBeUndefined();
});

test("a compiled pack's Welsh blocks hold its own and the national safety rule's", () => {
  const blocks = welshBlocks(packInForce(bundledRules(), 'conwy', fixedToday)!);
  expect(welshTextOf(blocks.get(null), 'name')?.text).toBe('Cyngor Bwrdeistref Sirol Conwy');
  expect(welshTextOf(blocks.get('national/eligibility/perpetrator-not-at-property'), 'criterion')).toEqual({
    text: 'Rhaid i’r cyflawnwr beidio â byw yn yr eiddo: mae mesurau diogelwch yn diogelu cartref rhag rhywun y tu allan iddo, nid rhag rhywun sy’n byw ynddo.',
    reviewed: false,
  });
});
