import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCoverDate } from '../../src/core/rules/helpers/dates';
import { applyFixes } from '../../src/core/lint/fix';
import { lintFixture, lintString, problemsOf, RULE_FIXTURES, summarise } from '../helpers/lint';

const RULE = 'cover-fields';
const FORMS = '`dd/mm/yy` or `dd/mm/yyyy`';

describe(RULE, () => {
  it('reports each missing field where it belongs, and each bad date at the date', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [9, 1, 9, 9],
        message: `The cover date \`24.03.10\` is not in the form ${FORMS}: write it as \`24/03/2010\`.`,
      },
      {
        rule: RULE,
        severity: 'error',
        range: [20, 1, 20, 22],
        message: 'The cover has no date: put it on the line after the series, in the same paragraph, as `dd/mm/yyyy`.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [20, 1, 20, 22],
        message:
          'The cover has no series: put the series (for example `Elected Members Masterclass`) on the first line of the first paragraph, above the `#` deck title.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [24, 1, 24, 13],
        message: 'The cover has no organisation: put it on the line after the presenter, in the same paragraph.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [30, 1, 30, 28],
        message: 'The cover has no deck title: add it as a `#` heading after the series and date.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [31, 1, 31, 11],
        message: `The cover date \`31/02/2010\` is not a real calendar date: check the day and the month (${FORMS}).`,
      },
      {
        rule: RULE,
        severity: 'error',
        range: [42, 1, 42, 28],
        message: 'The cover has no organisation: put it on the line after the presenter, in the same paragraph.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [42, 1, 42, 28],
        message: "The cover has no presenter: put the presenter's name on the first line of the last paragraph, after the deck title.",
      },
      {
        rule: RULE,
        severity: 'error',
        range: [43, 1, 43, 11],
        message: `The cover date \`March 2010\` is not a date in the form ${FORMS}: write it as, for example, \`24/03/2010\`.`,
      },
      {
        rule: RULE,
        severity: 'error',
        range: [54, 1, 54, 11],
        message: `The cover date \`2010-03-24\` is not in the form ${FORMS}: write it as \`24/03/2010\`.`,
      },
    ]);
    expect(problems.filter((problem) => problem.fix).map((problem) => problem.fix?.edits)).toEqual([
      [{ range: { line: 9, column: 1, endLine: 9, endColumn: 9 }, newText: '24/03/2010' }],
      [{ range: { line: 54, column: 1, endLine: 54, endColumn: 11 }, newText: '24/03/2010' }],
    ]);
  });

  it('normalises recognisable dates to dd/mm/yyyy and re-lints clean of them', () => {
    const text = readFileSync(join(RULE_FIXTURES, RULE, 'bad.md'), 'utf8');
    const fixes = problemsOf(lintString(text), RULE).flatMap((problem) => (problem.fix ? [problem.fix] : []));
    const fixed = applyFixes(text, fixes).text;
    const lines = fixed.split('\n');
    expect(lines[8]).toBe('24/03/2010');
    expect(lines[53]).toBe('24/03/2010');
    expect(fixed.replace(/24\/03\/2010/g, '').length).toBe(text.replace(/24\/03\/2010|24\.03\.10|2010-03-24/g, '').length);
    expect(problemsOf(lintString(fixed), RULE).map((problem) => problem.range.line)).toEqual([20, 20, 24, 30, 31, 42, 42, 43]);
  });

  it('keeps a hard-break backslash when it rewrites a date', () => {
    const text = '---\nmarp: true\n---\n\n<!-- _class: cover -->\n\nSeries\n24-3-2010\\\nmore\n\n# Title\n\nName\nOrg\n';
    const [problem] = problemsOf(lintString(text), RULE);
    expect(problem?.fix?.edits).toEqual([{ range: { line: 8, column: 1, endLine: 8, endColumn: 10 }, newText: '24/03/2010' }]);
  });

  it('accepts dd/mm/yy and dd/mm/yyyy calendar dates and normalises the other forms', () => {
    expect(checkCoverDate('24/03/10')).toEqual({ kind: 'valid' });
    expect(checkCoverDate('24/03/2010')).toEqual({ kind: 'valid' });
    expect(checkCoverDate('29/02/2012')).toEqual({ kind: 'valid' });
    expect(checkCoverDate('29/02/00')).toEqual({ kind: 'valid' });
    expect(checkCoverDate('29/02/2010')).toEqual({ kind: 'not-a-calendar-date' });
    expect(checkCoverDate('29/02/1900')).toEqual({ kind: 'not-a-calendar-date' });
    expect(checkCoverDate('31/04/2010')).toEqual({ kind: 'not-a-calendar-date' });
    expect(checkCoverDate('00/01/2010')).toEqual({ kind: 'not-a-calendar-date' });
    expect(checkCoverDate('03/24/2010')).toEqual({ kind: 'not-a-calendar-date' });
    expect(checkCoverDate('31.02.10')).toEqual({ kind: 'not-a-calendar-date' });
    expect(checkCoverDate('24.03.10')).toEqual({ kind: 'other-form', normalised: '24/03/2010' });
    expect(checkCoverDate('24-03-2010')).toEqual({ kind: 'other-form', normalised: '24/03/2010' });
    expect(checkCoverDate('24/3/10')).toEqual({ kind: 'other-form', normalised: '24/03/2010' });
    expect(checkCoverDate('2010-03-24')).toEqual({ kind: 'other-form', normalised: '24/03/2010' });
    expect(checkCoverDate('24 March 2010')).toEqual({ kind: 'other-form', normalised: '24/03/2010' });
    expect(checkCoverDate('24th Sept. 2010')).toEqual({ kind: 'other-form', normalised: '24/09/2010' });
    expect(checkCoverDate('March 2010')).toEqual({ kind: 'not-a-date' });
    expect(checkCoverDate('24 Mars 2010')).toEqual({ kind: 'not-a-date' });
    expect(checkCoverDate('24/03/010')).toEqual({ kind: 'not-a-date' });
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

});
