import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/lint/fix';
import { lintFixture, lintString, problemsOf, RULE_FIXTURES, summarise } from '../helpers/lint';

const RULE = 'empty-slide';
const TITLE_ONLY = 'The slide has nothing beyond its title: add its content (text, a list, a table or an image) or delete the slide.';
const EMPTY = 'The slide is empty: add a `##` title and content, or delete the slide (a stray `---`?).';

describe(RULE, () => {
  it('reports slides with only a title (notes and subtitles do not count) and blank slides; an image counts', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [18, 1, 18, 36], message: TITLE_ONLY },
      { rule: RULE, severity: 'error', range: [24, 1, 24, 12], message: TITLE_ONLY },
      { rule: RULE, severity: 'error', range: [28, 1, 28, 4], message: EMPTY },
      { rule: RULE, severity: 'error', range: [45, 1, 45, 4], message: EMPTY },
    ]);
    expect(problems.map((problem) => problem.fix?.edits)).toEqual([
      undefined,
      undefined,
      // A stray `---` and the blank lines after it, up to the next slide's `---`.
      [{ range: { line: 28, column: 1, endLine: 31, endColumn: 1 }, newText: '' }],
      // A trailing `---`: back to the end of the previous slide's text.
      [{ range: { line: 43, column: 53, endLine: 47, endColumn: 1 }, newText: '\n' }],
    ]);
  });

  it('deletes the blank slides', () => {
    const text = readFileSync(join(RULE_FIXTURES, RULE, 'bad.md'), 'utf8');
    const fixes = problemsOf(lintString(text), RULE).flatMap((problem) => (problem.fix ? [problem.fix] : []));
    const fixed = applyFixes(text, fixes).text;
    expect(fixed.split('\n').slice(23, 31)).toEqual(['## Children', '', '### Learning & whole child development', '', '---', '', '## Will people contribute?', '']);
    expect(fixed.endsWith('How relevant could co-production be to your council?\n')).toBe(true);
    expect(problemsOf(lintString(fixed), RULE).map((problem) => problem.range.line)).toEqual([18, 24]);
  });

  it('counts a code block or a block formula as content', () => {
    const deck = '---\nmarp: true\n---\n\n## Code\n\n```js\nrun();\n```\n\n---\n\n## Formula\n\n$$\nx^2\n$$\n\n---\n\n## Nothing\n';
    expect(problemsOf(lintString(deck), RULE).map((problem) => [problem.range.line, problem.message])).toEqual([[21, TITLE_ONLY]]);
  });

  it('keeps a blank slide that carries notes or directives', () => {
    const deck = '---\nmarp: true\n---\n\n## A\n\nText\n\n---\n\n<!-- A note -->\n\n---\n\n<!-- _class: content -->\n';
    const problems = problemsOf(lintString(deck), RULE);
    expect(problems.map((problem) => [problem.range.line, problem.fix])).toEqual([
      [9, undefined],
      [13, undefined],
    ]);
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

});
