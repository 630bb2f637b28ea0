import { describe, expect, it } from 'vitest';
import { lintFixture, problemsOf, summarise } from '../helpers/lint';

const RULE = 'bullet-limits';

describe(RULE, () => {
  it('reports too many top-level bullets, too deep a list and too long a bullet on content slides', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'warning',
        range: [30, 1, 30, 41],
        message: 'The slide has 9 top-level bullets; keep to at most 7: split the slide or combine points.',
      },
      {
        rule: RULE,
        severity: 'warning',
        range: [39, 5, 40, 33],
        message: 'This list is nested 3 levels deep; keep bullets to at most 2 levels: move these points up a level or onto a slide of their own.',
      },
      {
        rule: RULE,
        severity: 'warning',
        range: [42, 3, 42, 202],
        message: 'This bullet has 31 words; keep each bullet to at most 30: shorten it or split it.',
      },
      {
        rule: RULE,
        severity: 'warning',
        range: [43, 1, 43, 240],
        message: 'This bullet has 33 words; keep each bullet to at most 30: shorten it or split it.',
      },
    ]);
    expect(problems.every((problem) => problem.fix === undefined)).toBe(true);
  });

  it('leaves the models slide (its own rule) alone, however long its descriptions', () => {
    expect(problemsOf(lintFixture(RULE, 'bad'), RULE).some((problem) => problem.range.line > 43)).toBe(false);
  });

  it('takes its limits from the options', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad', { rules: { [RULE]: { options: { maxBullets: 3, maxDepth: 1, maxWords: 40 } } } }), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'warning',
        range: [23, 1, 23, 34],
        message: 'The slide has 9 top-level bullets; keep to at most 3: split the slide or combine points.',
      },
      {
        rule: RULE,
        severity: 'warning',
        range: [38, 3, 40, 33],
        message: 'This list is nested 3 levels deep; keep bullets to at most 1 level: move these points up a level or onto a slide of their own.',
      },
      {
        rule: RULE,
        severity: 'warning',
        range: [42, 3, 42, 202],
        message: 'This list is nested 2 levels deep; keep bullets to at most 1 level: move these points up a level or onto a slide of their own.',
      },
    ]);
  });

  it('can be made an error or turned off', () => {
    expect(problemsOf(lintFixture(RULE, 'bad', { rules: { [RULE]: 'error' } }), RULE).map((problem) => problem.severity)).toEqual(
      Array(4).fill('error'),
    );
    expect(problemsOf(lintFixture(RULE, 'bad', { rules: { [RULE]: 'off' } }), RULE)).toEqual([]);
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

});
