import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/lint/fix';
import { lintFixture, lintString, problemsOf, RULE_FIXTURES, summarise } from '../helpers/lint';

const RULE = 'tagline-intact';
const HEADER = 'replaces the house tagline `efficiency | quality | accountability`, which the theme draws on every slide: delete the directive.';
const FOOTER = 'replaces the house footer (the `Improvement is.` wordmark and the page number), which the theme draws on every slide: delete the directive.';

describe(RULE, () => {
  it('reports every header and footer directive, in front-matter and comments', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [4, 1, 4, 30], message: `The \`header\` directive ${HEADER}` },
      { rule: RULE, severity: 'error', range: [5, 1, 7, 7], message: `The \`footer\` directive ${FOOTER}` },
      { rule: RULE, severity: 'error', range: [12, 6, 12, 19], message: `The \`_footer\` directive ${FOOTER}` },
      { rule: RULE, severity: 'error', range: [26, 1, 26, 20], message: `The \`_header\` directive ${HEADER}` },
      { rule: RULE, severity: 'error', range: [35, 6, 35, 29], message: `The \`footer\` directive ${FOOTER}` },
    ]);
    expect(problems.map((problem) => problem.fix?.edits)).toEqual([
      // The front-matter line, and every line of a block scalar.
      [{ range: { line: 4, column: 1, endLine: 5, endColumn: 1 }, newText: '' }],
      [{ range: { line: 5, column: 1, endLine: 8, endColumn: 1 }, newText: '' }],
      // A comment holding only the directive, with one of the blank lines around it.
      [{ range: { line: 12, column: 1, endLine: 14, endColumn: 1 }, newText: '' }],
      // Its own line inside a longer comment.
      [{ range: { line: 26, column: 1, endLine: 27, endColumn: 1 }, newText: '' }],
      // A comment sharing its line with another: no mechanical fix.
      undefined,
    ]);
  });

  it('deletes the directives and leaves the rest of the deck as it was', () => {
    const text = readFileSync(join(RULE_FIXTURES, RULE, 'bad.md'), 'utf8');
    const fixes = problemsOf(lintString(text), RULE).flatMap((problem) => (problem.fix ? [problem.fix] : []));
    const fixed = applyFixes(text, fixes).text;
    expect(fixed.split('\n').slice(0, 30)).toEqual([
      '---',
      'marp: true',
      'theme: improvement-service',
      '---',
      '',
      '<!-- _class: cover -->',
      '',
      'Elected Members Masterclass',
      '24/03/2010',
      '',
      '# Delivering Outcomes',
      '',
      'Bob Christie',
      'The Improvement Service',
      '',
      '---',
      '',
      '<!--',
      '_class: discussion',
      '-->',
      '',
      '## Group Discussion',
      '',
      'How relevant could co-production be to your council?',
      '',
      '---',
      '',
      '<!-- footer: Improvement is. --> <!-- a note -->',
      '',
      '## The Economic Context',
    ]);
    expect(problemsOf(lintString(fixed), RULE).map((problem) => problem.range.line)).toEqual([28]);
  });

  it('deletes a comment directive at the top of a deck without front-matter', () => {
    const text = '<!-- header: Outcomes -->\n\n<!-- _class: cover -->\n\nSeries\n24/03/2010\n\n# Title\n';
    const [problem] = problemsOf(lintString(text), RULE);
    expect(problem?.fix?.edits).toEqual([{ range: { line: 1, column: 1, endLine: 3, endColumn: 1 }, newText: '' }]);
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

});
