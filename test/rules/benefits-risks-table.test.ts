import { describe, expect, it } from 'vitest';
import { fixFixture, lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'benefits-risks-table';

describe('benefits-risks-table', () => {
  it('reports a missing table, a wrong header, an empty row and a second table', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [20, 1, 20, 22],
        message: 'The benefits-risks slide has no table: add one with the header `| Benefits | Risks |` and a row for each pair.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [31, 1, 31, 21],
        message: 'The table header is `benefits`, `RISKS`; it must be exactly `Benefits` and `Risks`, in that order, two columns.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [34, 1, 34, 9],
        message: 'This table row is empty: fill in a benefit and a risk, or delete the row.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [37, 1, 39, 22],
        message: 'The benefits-risks slide has more than one table: put every benefit and risk in the first table.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [47, 1, 47, 24],
        message: 'The table header is `Pros`, `Cons`, `Notes`; it must be exactly `Benefits` and `Risks`, in that order, two columns.',
      },
    ]);
    // Only a header that differs in case gets a fix; `Pros | Cons | Notes` is the author's to reword.
    expect(problems.map((problem) => problem.fix !== undefined)).toEqual([false, true, true, false, false]);
    expect(problems[1]?.fix?.edits).toEqual([
      { range: { line: 31, column: 3, endLine: 31, endColumn: 11 }, newText: 'Benefits' },
      { range: { line: 31, column: 14, endLine: 31, endColumn: 19 }, newText: 'Risks' },
    ]);
    expect(problems[2]?.fix?.edits).toEqual([{ range: { line: 34, column: 1, endLine: 35, endColumn: 1 }, newText: '' }]);
  });

  it('fixes the header case and deletes the empty row, then re-lints clean', () => {
    const fixed = fixFixture(RULE, 'fixable');
    expect(fixed.text).toContain(
      [
        '| Benefits | Risks |',
        '|---|---|',
        '| People contribute own resources | People with most resources may get most benefit |',
        '| People have more control of resources | Challenges traditional cost control – and audit |',
        '',
      ].join('\n'),
    );
    expect(problemsOf(fixed.problems, RULE)).toEqual([]);
  });

  it('reports an empty header cell and a header in the wrong order', () => {
    const deck = '<!-- _class: benefits-risks -->\n\n## B\n\n|  | Risks |\n|---|---|\n| a | b |\n\n---\n\n<!-- _class: benefits-risks -->\n\n## C\n\n| Risks | Benefits |\n|---|---|\n| a | b |\n';
    expect(problemsOf(lintString(deck), RULE).map((problem) => [problem.range.line, problem.message, problem.fix])).toEqual([
      [5, 'The table header is an empty cell, `Risks`; it must be exactly `Benefits` and `Risks`, in that order, two columns.', undefined],
      [15, 'The table header is `Risks`, `Benefits`; it must be exactly `Benefits` and `Risks`, in that order, two columns.', undefined],
    ]);
  });

  it('accepts one table headed Benefits and Risks with every row filled', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });
});
