import { describe, expect, it } from 'vitest';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'models-grid';

describe('models-grid', () => {
  it('reports the item count at the list, and each item without a bold name, a description or a unique name', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [22, 1, 24, 20],
        message: 'The models slide has 3 list items; it needs exactly 4, one for each cell of the 2×2 grid.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [23, 1, 23, 64],
        message: 'This models item has no bold name: write it as `**Name** – description`.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [24, 1, 24, 20],
        message: 'The model `Managerialism` has no description: write `**Managerialism** – description`.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [34, 1, 34, 48],
        message: 'The model name `voluntarism` is used twice (first as `Voluntarism`): give each model its own name.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [41, 1, 41, 23],
        message: 'The models slide has no list: add 4 items, each `**Name** – description`, drawn as a 2×2 grid.',
      },
    ]);
    expect(problems.every((problem) => problem.fix === undefined)).toBe(true);
  });

  it('accepts four named, described, different models', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });

  it('counts items across lists and ignores slides of other types', () => {
    const deck = [
      '<!-- _class: models -->',
      '',
      '## Models',
      '',
      '- **A** – one',
      '- **B** – two',
      '',
      'Between.',
      '',
      '* **C** – three',
      '',
      '---',
      '',
      '## Content',
      '',
      '- plain',
    ].join('\n');
    expect(problemsOf(lintString(deck), RULE).map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [5, 1, 10, 16],
        message: 'The models slide has 3 list items; it needs exactly 4, one for each cell of the 2×2 grid.',
      },
    ]);
  });
});
