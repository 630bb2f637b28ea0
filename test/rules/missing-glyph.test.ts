import { describe, expect, it } from 'vitest';
import { HOUSE_FONT_RANGES, inHouseFont } from '../../src/core/rules/helpers/house-font';
import { bundledCoverage, coverageModule } from '../helpers/house-font-coverage';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'missing-glyph';
const problem = (line: number, column: number, character: string, code: string) => ({
  rule: RULE,
  severity: 'warning',
  range: [line, column, line, column + character.length],
  message:
    `The character “${character}” (${code}) is not in the house font: ` +
    'PDF and HTML draw it in another font the computer has, or as an empty box. Use a character the font has, or words.',
});

describe('missing-glyph', () => {
  it('names each character the house font lacks, once a line at its first place; not emoji, maths, code, links, notes or invisible characters', () => {
    expect(problemsOf(lintFixture(RULE, 'bad'), RULE).map(summarise)).toEqual([
      problem(18, 11, '✓', 'U+2713'),
      problem(21, 8, '✗', 'U+2717'),
      problem(21, 13, '①', 'U+2460'),
      problem(21, 21, '‰', 'U+2030'),
    ]);
  });

  it('passes arrows, Polish, Romanian, Welsh and Gaelic letters, fractions and maths signs the bundled font has', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });

  it('reports a character outside the Basic Multilingual Plane with its whole range', () => {
    const problems = problemsOf(lintString('---\nmarp: true\n---\n\n## Title 𝔸\n'), RULE);
    expect(problems.map(summarise)).toEqual([problem(5, 10, '𝔸', 'U+1D538')]);
  });

  it('knows the coverage of the font files the theme bundles (regenerate with -u after changing them)', async () => {
    const points = bundledCoverage();
    expect(points).toContain(0x2192);
    expect(points).toContain(0x0141);
    expect(points).not.toContain(0x2713);
    for (const point of [0x41, 0xa3, 0x2013, 0x2192, 0x141, 0x219]) expect(inHouseFont(point)).toBe(true);
    for (const point of [0x2010, 0x2713, 0x1d538, 0x0410]) expect(inHouseFont(point)).toBe(false);
    expect(HOUSE_FONT_RANGES.length).toBeGreaterThan(20);
    await expect(coverageModule(points)).toMatchFileSnapshot('../../src/core/rules/helpers/house-font.ts');
  });
});
