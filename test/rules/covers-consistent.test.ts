import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/lint/fix';
import { lintFixture, lintString, problemsOf, RULE_FIXTURES, summarise } from '../helpers/lint';

const RULE = 'covers-consistent';

function fixWithRule(text: string): string {
  const fixes = problemsOf(lintString(text), RULE).flatMap((problem) => (problem.fix ? [problem.fix] : []));
  return applyFixes(text, fixes).text;
}

describe(RULE, () => {
  it('reports each field that differs from the first cover, and a later part without a part title', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [28, 1, 28, 28],
        message:
          "The series `Elected Member Masterclass` differs from the first cover's `Elected Members Masterclass` (line 8): every cover repeats the same series.",
      },
      {
        rule: RULE,
        severity: 'error',
        range: [29, 1, 29, 11],
        message: "The date `25/03/2010` differs from the first cover's `24/03/2010` (line 9): every cover repeats the same date.",
      },
      {
        rule: RULE,
        severity: 'error',
        range: [31, 1, 31, 21],
        message:
          "The deck title `Delivering Outcome` differs from the first cover's `Delivering Outcomes` (line 11): every cover repeats the same deck title.",
      },
      {
        rule: RULE,
        severity: 'error',
        range: [35, 1, 35, 13],
        message: "The presenter `Rob Christie` differs from the first cover's `Bob Christie` (line 13): every cover repeats the same presenter.",
      },
      {
        rule: RULE,
        severity: 'error',
        range: [36, 1, 36, 20],
        message:
          "The organisation `Improvement Service` differs from the first cover's `The Improvement Service` (line 14): every cover repeats the same organisation.",
      },
      {
        rule: RULE,
        severity: 'error',
        range: [50, 1, 50, 28],
        message:
          'This cover comes after the first part but has no part title: add a `## Part title` under the `#` deck title; without one it does not start a new part.',
      },
    ]);
    expect(problems.map((problem) => problem.fix?.edits[0]?.newText)).toEqual([
      'Elected Members Masterclass',
      '24/03/2010',
      '# Delivering Outcomes',
      'Bob Christie',
      '**The Improvement Service**',
      undefined,
    ]);
    // The series line keeps its own hard-break backslash.
    expect(problems[0]?.fix?.edits[0]?.range).toEqual({ line: 28, column: 1, endLine: 28, endColumn: 27 });
  });

  it("copies the first cover's values, markup and all, and re-lints clean of them", () => {
    const text = readFileSync(join(RULE_FIXTURES, RULE, 'bad.md'), 'utf8');
    const fixed = fixWithRule(text);
    expect(fixed.split('\n').slice(27, 36)).toEqual([
      'Elected Members Masterclass\\',
      '24/03/2010',
      '',
      '# Delivering Outcomes',
      '',
      '## Implications of Co-Production',
      '',
      'Bob Christie',
      '**The Improvement Service**',
    ]);
    expect(problemsOf(lintString(fixed), RULE).map((problem) => problem.range.line)).toEqual([50]);
  });

  it('lets a cover without a part title re-state the title page inside the first part', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

});
