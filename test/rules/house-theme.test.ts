import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/core/rules';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'house-theme';
const HOUSE_RULES = allRules.filter((rule) => rule.scope === 'house').length;

describe('house-theme', () => {
  it('says once that a deck in another theme is not a house deck, and only the rules for any deck check it', () => {
    const problems = lintFixture(RULE, 'bad');
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'warning',
        range: [3, 1, 3, 12],
        message: `Not a house deck (theme \`gaia\`): ${HOUSE_RULES} house rules skipped; the rules for any Marp deck still apply. Set \`theme: improvement-service\` to check it against the house structure.`,
      },
      { rule: 'uk-spelling', severity: 'warning', range: [20, 7, 20, 19], message: expect.stringContaining('`organization`') },
      { rule: 'image-alt-text', severity: 'error', range: [23, 1, 23, 15], message: expect.any(String) },
    ]);
  });

  it('is quiet on a house deck, and on a deck without a theme or with a misspelt house theme (both drawn in the house theme)', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
    const untitled = lintString('---\nmarp: true\n---\n\nJust a paragraph.\n');
    expect(problemsOf(untitled, RULE)).toEqual([]);
    expect(problemsOf(untitled, 'cover-first')).toHaveLength(1);
    const typo = lintString('---\nmarp: true\ntheme: improvment-service\n---\n\nJust a paragraph.\n');
    expect(problemsOf(typo, RULE)).toEqual([]);
    expect(problemsOf(typo, 'front-matter').map((problem) => problem.message)).toEqual([expect.stringContaining('set it to `improvement-service`')]);
  });

  it('counts only the house rules that are on; a comment `theme` directive counts too', () => {
    const problems = lintString('---\nmarp: true\n---\n\n<!-- theme: uncover -->\n\n# Hello\n', { rules: { 'cover-first': 'off', 'slide-title': 'off' } });
    expect(problemsOf(problems, RULE).map(summarise)).toEqual([
      { rule: RULE, severity: 'warning', range: [5, 6, 5, 20], message: expect.stringContaining(`${HOUSE_RULES - 2} house rules skipped`) },
    ]);
    expect(problems.map((problem) => problem.ruleId)).toEqual([RULE]);
  });
});
