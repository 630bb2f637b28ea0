import { describe, expect, it } from 'vitest';
import { lintFixture, problemsOf, summarise } from '../helpers/lint';

const RULE = 'statistics-items';

describe('statistics-items', () => {
  it('reports each top-level item that is not `**figure** – label`, and a slide with no items', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [23, 1, 23, 52],
        message: 'This statistics item has no bold figure: write it as `**figure** – label`, e.g. `**56%** – of the public`.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [24, 1, 24, 29],
        message: 'The bold text `Many` is not a figure: lead with a number such as `£3bn`, `1.7m` or `56%`.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [25, 1, 25, 11],
        message: 'The figure `£8bn` has no label: write `**£8bn** – what it measures`.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [33, 1, 33, 15],
        message: 'The statistics slide has no figures: add list items written as `**figure** – label`, e.g. `**£3bn** – saved by self care`.',
      },
    ]);
    expect(problems.every((problem) => problem.fix === undefined)).toBe(true);
  });

  it('accepts figures with labels (a nested item is not checked)', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });
});
