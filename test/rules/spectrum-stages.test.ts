import { describe, expect, it } from 'vitest';
import { fixFixture, lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'spectrum-stages';

describe('spectrum-stages', () => {
  it('reports a bullet list (with a fix), too few or too many stages, a second list and no list', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [22, 1, 26, 16],
        message: 'The spectrum stages are a bullet list: number them (`1.`, `2.`, …) so they read as a progression.',
      },
      { rule: RULE, severity: 'error', range: [34, 1, 34, 17], message: 'The spectrum has 1 stage; it needs 2 to 6, drawn left to right.' },
      { rule: RULE, severity: 'error', range: [42, 1, 48, 9], message: 'The spectrum has 7 stages; it needs 2 to 6, drawn left to right.' },
      {
        rule: RULE,
        severity: 'error',
        range: [52, 1, 52, 17],
        message: 'The spectrum slide has more than one list: put every stage in one ordered list.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [58, 1, 58, 13],
        message: 'The spectrum slide has no stages: add an ordered list (`1. First stage`, `2. …`) of 2 to 6 stages.',
      },
    ]);
    expect(problems.map((problem) => problem.fix !== undefined)).toEqual([true, false, false, false, false]);
    expect(problems[0]?.fix).toEqual({
      description: 'Number the stages',
      edits: [
        { range: { line: 22, column: 1, endLine: 22, endColumn: 2 }, newText: '1.' },
        // The nested line moves right with its item's wider marker, so it stays nested.
        { range: { line: 23, column: 1, endLine: 23, endColumn: 1 }, newText: ' ' },
        { range: { line: 24, column: 1, endLine: 24, endColumn: 2 }, newText: '2.' },
        { range: { line: 25, column: 1, endLine: 25, endColumn: 2 }, newText: '3.' },
        { range: { line: 26, column: 1, endLine: 26, endColumn: 2 }, newText: '4.' },
      ],
    });
  });

  it('numbers a bullet list, keeping nested items nested, and re-lints clean', () => {
    const fixed = fixFixture(RULE, 'bullets');
    expect(fixed.text).toContain(
      ['1. Improve Existing Arrangements', '   - hard targeting & early intervention', '2. Core Vs Non Core', '3. Sector Reform', ''].join('\n'),
    );
    expect(problemsOf(fixed.problems, RULE)).toEqual([]);
  });

  it('reports a bullet list of the wrong length twice: its markers and its count', () => {
    const problems = problemsOf(lintString('<!-- _class: spectrum -->\n\n## S\n\n- Only stage\n'), RULE);
    expect(problems.map((problem) => problem.message)).toEqual([
      'The spectrum has 1 stage; it needs 2 to 6, drawn left to right.',
      'The spectrum stages are a bullet list: number them (`1.`, `2.`, …) so they read as a progression.',
    ]);
  });

  it('accepts an ordered list of 2 to 6 stages', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });
});
