import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/lint/fix';
import { lintFixture, lintString, problemsOf, RULE_FIXTURES, summarise } from '../helpers/lint';

const RULE = 'discussion-question';
const ONLY = 'a discussion slide holds only `## Group Discussion` and one question';

describe(RULE, () => {
  it('reports a wrong title, a statement, extra paragraphs and blocks, and a missing question', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [20, 1, 20, 14],
        message: 'The discussion slide is titled `Discussion`: its title is always exactly `## Group Discussion`.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [22, 1, 22, 61],
        message: 'The discussion question does not end with `?`: phrase it as one question for the group.',
      },
      { rule: RULE, severity: 'error', range: [30, 1, 30, 22], message: `A${ONLY.slice(1)}: delete this heading or fold it into the question.` },
      { rule: RULE, severity: 'error', range: [34, 1, 34, 18], message: `This is a second paragraph; ${ONLY}: join it to the question or delete it.` },
      { rule: RULE, severity: 'error', range: [36, 1, 36, 28], message: `A${ONLY.slice(1)}: delete this list or fold it into the question.` },
      { rule: RULE, severity: 'error', range: [38, 1, 38, 26], message: `A${ONLY.slice(1)}: delete this blockquote or fold it into the question.` },
      {
        rule: RULE,
        severity: 'error',
        range: [44, 1, 44, 20],
        message: 'The discussion slide has no question: add one paragraph after `## Group Discussion`, a question ending in `?`.',
      },
    ]);
    expect(problems[0]?.fix?.edits).toEqual([{ range: { line: 20, column: 1, endLine: 20, endColumn: 14 }, newText: '## Group Discussion' }]);
    expect(problems.slice(1).map((problem) => problem.fix)).toEqual(Array(6).fill(undefined));
  });

  it('fixes the title', () => {
    const text = readFileSync(join(RULE_FIXTURES, RULE, 'bad.md'), 'utf8');
    const fixes = problemsOf(lintString(text), RULE).flatMap((problem) => (problem.fix ? [problem.fix] : []));
    const fixed = applyFixes(text, fixes).text;
    expect(fixed.split('\n')[19]).toBe('## Group Discussion');
    expect(problemsOf(lintString(fixed), RULE).map((problem) => problem.range.line)).toEqual([22, 30, 34, 36, 38, 44]);
  });

  it('leaves a discussion slide without a `##` title to slide-title', () => {
    const deck = '---\nmarp: true\n---\n\n<!-- _class: discussion -->\n\nWhat now?\n';
    expect(problemsOf(lintString(deck), RULE)).toEqual([]);
    expect(problemsOf(lintString(deck), 'slide-title')).toHaveLength(1);
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

  it('retitles only a slide that sets its own class: an inherited `class` never rewrites later titles', () => {
    const deck =
      '---\nmarp: true\n---\n\n<!-- class: discussion -->\n\n## Talk it over\n\nWhy?\n\n---\n\n## Budgets\n\nWhat now?\n\n---\n\n<!-- _class: discussion -->\n\n## Questions\n\nWho?\n';
    const problems = problemsOf(lintString(deck), RULE);
    expect(problems.map((problem) => [problem.range.line, problem.fix?.edits[0]?.newText])).toEqual([
      [7, '## Group Discussion'],
      [13, undefined],
      [21, '## Group Discussion'],
    ]);
  });

});
