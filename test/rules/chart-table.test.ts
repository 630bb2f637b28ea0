import { describe, expect, it } from 'vitest';
import { parseChartValue } from '../../src/core/chart-data';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'chart-table';
const NOT_A_NUMBER = 'is not a number: write a number such as `64`, `56%`, `£1.1` or `1,200`.';

describe('chart-table', () => {
  it('reports each bad cell at its own range, a missing label or value, extra tables, and tables with nothing to draw', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      // The same text twice on a row: each cell is reported where it stands.
      { rule: RULE, severity: 'error', range: [24, 13, 24, 16], message: `The value \`n/a\` for \`2010\` ${NOT_A_NUMBER}` },
      { rule: RULE, severity: 'error', range: [24, 19, 24, 22], message: `The value \`n/a\` for \`Co-production\` ${NOT_A_NUMBER}` },
      { rule: RULE, severity: 'error', range: [25, 25, 25, 29], message: `The value \`high\` for \`Co-production\` ${NOT_A_NUMBER}` },
      { rule: RULE, severity: 'error', range: [26, 11, 26, 13], message: 'The value for `2010` is empty: write a number (0 if it is zero).' },
      { rule: RULE, severity: 'error', range: [27, 2, 27, 4], message: "This chart row has no label: write the bar's label in the first column." },
      { rule: RULE, severity: 'error', range: [27, 15, 27, 20], message: `The value \`3.5 %\` for \`Co-production\` ${NOT_A_NUMBER}` },
      { rule: RULE, severity: 'error', range: [28, 1, 28, 17], message: 'This chart row has no value for `Co-production`: add a number cell.' },
      {
        rule: RULE,
        severity: 'error',
        range: [32, 1, 34, 10],
        message: 'The chart slide has more than one table: a chart is drawn from one table, so merge them or move one to its own slide.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [40, 1, 40, 24],
        message: 'The chart slide has no table: add one with labels in the first column and numbers in the others.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [50, 1, 50, 22],
        message: 'The chart table has only a label column: add at least one column of numbers (one column for each data series).',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [60, 1, 61, 10],
        message: 'The chart table has no data rows: add a row for each bar, a label then its numbers.',
      },
    ]);
    expect(problems.every((problem) => problem.fix === undefined)).toBe(true);
  });

  it('accepts labels with numbers, percentages, pounds and thousands commas', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });
});

describe('parseChartValue', () => {
  it.each([
    ['64', 64],
    ['56%', 56],
    ['£1.1', 1.1],
    ['1,200', 1200],
    ['£1,234,567.5', 1234567.5],
    ['-3.5', -3.5],
    ['−3.5', -3.5],
    ['-£3.5', -3.5],
    ['£-3.5', -3.5],
    ['0', 0],
    ['-0', 0],
    [' 30 ', 30],
    ['12.5%', 12.5],
  ])('reads %j as %d', (cell, value) => {
    expect(parseChartValue(cell)?.value).toBe(value);
  });

  it.each(['', 'n/a', 'high', '3.5 %', '£3bn', '1.7m', '£56%', '1,20', '12,34,567', '.5', '5.', '--3', '-£-3', '$5', '5£', '%5', '1 200'])(
    'rejects %j',
    (cell) => {
      expect(parseChartValue(cell)).toBeUndefined();
    },
  );
});

describe('chart-table: cells read from the source', () => {
  it('reads a table inside a blockquote and a value with an escaped pipe', () => {
    const text = '<!-- _class: chart -->\n\n## A\n\n> | Label | Value |\n> |---|---|\n> | One | 1 |\n> | Two | x \\| y |\n';
    const problems = problemsOf(lintString(text), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [8, 11, 8, 17], message: `The value \`x \\| y\` for \`Value\` ${NOT_A_NUMBER}` },
    ]);
  });
});
