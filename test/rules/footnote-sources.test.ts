import { describe, expect, it } from 'vitest';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'footnote-sources';

describe('footnote-sources', () => {
  it('reports each marker without a source and each source without a marker, slide by slide', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [21, 48, 21, 60],
        message: 'Footnote marker ² has no source on this slide: add a line starting with `²` that gives the source.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [26, 1, 26, 2],
        message: 'Source line ³ is not used: add the marker ³ where the sourced text is on this slide, or delete the line.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [28, 1, 28, 2],
        message: 'Source line ¹ is given twice on this slide: keep one line for each marker.',
      },
      // A source on the slide before does not count: markers and sources pair up per slide.
      {
        rule: RULE,
        severity: 'error',
        range: [34, 14, 34, 15],
        message: 'Footnote marker ¹ has no source on this slide: add a line starting with `¹` that gives the source.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [36, 1, 36, 2],
        message: 'Source line ⁴ is not used: add the marker ⁴ where the sourced text is on this slide, or delete the line.',
      },
    ]);
  });

  it('reports every use of an unsourced marker', () => {
    const problems = problemsOf(lintString('## A\n\n- One¹\n- Two¹²\n'), RULE);
    expect(problems.map((problem) => [problem.range.line, problem.range.column, problem.range.endColumn, problem.message.slice(0, 19)])).toEqual([
      [3, 6, 7, 'Footnote marker ¹ h'],
      [4, 6, 8, 'Footnote marker ¹² '],
    ]);
  });

  it('accepts markers (`¹` or `<sup>2</sup>`) with matching source lines', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });
});
