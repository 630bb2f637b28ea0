import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/lint/fix';
import { lintFixture, lintString, problemsOf, RULE_FIXTURES, summarise } from '../helpers/lint';

const RULE = 'slide-title';
const HASH = 'A slide title is a `##` heading; `#` is only for the deck title on a cover: use `##` (or `###` for a subtitle).';
const EXTRA =
  'The slide already has the `##` title `Delivering Outcomes` (line 28): make this one a `###` subtitle or move it to a slide of its own.';

describe(RULE, () => {
  it('reports a missing title, a `#` title and each extra `##`', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [18, 1, 18, 50], message: 'The slide has no title: add one `##` heading above its content.' },
      { rule: RULE, severity: 'error', range: [22, 1, 22, 23], message: HASH },
      { rule: RULE, severity: 'error', range: [32, 1, 32, 21], message: EXTRA },
      { rule: RULE, severity: 'error', range: [36, 1, 36, 26], message: EXTRA },
      { rule: RULE, severity: 'error', range: [42, 1, 42, 15], message: HASH },
      {
        rule: RULE,
        severity: 'error',
        range: [52, 1, 52, 53],
        message: 'The discussion slide has no title: add `## Group Discussion` above the question.',
      },
    ]);
    expect(problems.map((problem) => problem.fix?.edits)).toEqual([
      undefined,
      // `#` becomes `##` only where the slide has no `##` yet.
      [{ range: { line: 22, column: 1, endLine: 22, endColumn: 2 }, newText: '##' }],
      undefined,
      undefined,
      undefined,
      [{ range: { line: 52, column: 1, endLine: 52, endColumn: 1 }, newText: '## Group Discussion\n\n' }],
    ]);
  });

  it('promotes the `#` title and titles the discussion slide', () => {
    const text = readFileSync(join(RULE_FIXTURES, RULE, 'bad.md'), 'utf8');
    const fixes = problemsOf(lintString(text), RULE).flatMap((problem) => (problem.fix ? [problem.fix] : []));
    const fixed = applyFixes(text, fixes).text;
    const lines = fixed.split('\n');
    expect(lines[21]).toBe('## The Economic Context');
    expect(lines.slice(-4)).toEqual(['## Group Discussion', '', 'How relevant could co-production be to your council?', '']);
    expect(problemsOf(lintString(fixed), RULE).map((problem) => problem.range.line)).toEqual([18, 32, 36, 42]);
    expect(problemsOf(lintString(fixed), 'discussion-question')).toEqual([]);
  });

  it('does not ask a cover for a `##` title', () => {
    expect(problemsOf(lintFixture(RULE, 'bad'), RULE).some((problem) => problem.range.line < 18)).toBe(false);
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

  it('adds the discussion title only where the slide sets its class, not on slides that inherit it', () => {
    const deck = '---\nmarp: true\n---\n\n<!-- class: discussion -->\n\nWhy?\n\n---\n\nWhat now?\n';
    const problems = problemsOf(lintString(deck), RULE);
    expect(problems.map((problem) => [problem.range.line, problem.fix?.edits[0]?.newText])).toEqual([
      [7, '## Group Discussion\n\n'],
      [11, undefined],
    ]);
  });

});
