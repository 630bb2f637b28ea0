import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/lint/fix';
import { lintFixture, lintString, problemsOf, RULE_FIXTURES, summarise } from '../helpers/lint';

const RULE = 'part-ends-with-discussion';
const ADVICE = 'close every part with a `discussion` slide (`## Group Discussion` and one question ending in `?`).';
const TEMPLATE = '---\n\n<!-- _class: discussion -->\n\n## Group Discussion\n\nWhat question should the group discuss?\n\n';

function fixWithRule(text: string): string {
  const fixes = problemsOf(lintString(text), RULE).flatMap((problem) => (problem.fix ? [problem.fix] : []));
  return applyFixes(text, fixes).text;
}

const COVER = '<!-- _class: cover -->\n\nElected Members Masterclass\n24/03/2010\n\n# Delivering Outcomes\n\nBob Christie\nThe Improvement Service\n';

describe(RULE, () => {
  it('reports each part whose last slide is not a discussion, at that slide', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [18, 1, 18, 24], message: `Part 1 ends with a \`content\` slide: ${ADVICE}` },
      {
        rule: RULE,
        severity: 'error',
        range: [38, 1, 38, 20],
        message: `Part 2 (Implications of Co-Production) ends with a \`content\` slide: ${ADVICE}`,
      },
      {
        rule: RULE,
        severity: 'error',
        range: [60, 1, 60, 20],
        message: `Part 3 (Co-production: Transforming Services) ends with a \`discusion\` slide: ${ADVICE}`,
      },
      { rule: RULE, severity: 'error', range: [80, 1, 80, 25], message: `Part 4 (Next Steps) ends with a \`content\` slide: ${ADVICE}` },
    ]);
    expect(problems.map((problem) => problem.fix?.edits)).toEqual([
      // Before the next part's `---`.
      [{ range: { line: 22, column: 1, endLine: 22, endColumn: 1 }, newText: TEMPLATE }],
      // A Group Discussion slide without its class is marked, not doubled.
      [{ range: { line: 38, column: 1, endLine: 38, endColumn: 1 }, newText: '<!-- _class: discussion -->\n\n' }],
      // An unknown class may be a typo of `discussion` (unknown-slide-type fixes that): no fix here.
      undefined,
      // At the end of the file, after one blank line.
      [{ range: { line: 85, column: 1, endLine: 85, endColumn: 1 }, newText: `\n${TEMPLATE.slice(0, -1)}` }],
    ]);
  });

  it('inserts discussion slides that pass the other house rules', () => {
    const text = readFileSync(join(RULE_FIXTURES, RULE, 'bad.md'), 'utf8');
    const fixed = fixWithRule(text);
    const lines = fixed.split('\n');
    expect(lines.slice(16, 31)).toEqual([
      '',
      '## The Economic Context',
      '',
      "- Public output is at least 42% of Scotland's GDP",
      '',
      '---',
      '',
      '<!-- _class: discussion -->',
      '',
      '## Group Discussion',
      '',
      'What question should the group discuss?',
      '',
      '---',
      '',
    ]);
    expect(lines.slice(-12)).toEqual([
      '- Establish clear direction of travel',
      '',
      '<!-- The last line of the file. -->',
      '',
      '---',
      '',
      '<!-- _class: discussion -->',
      '',
      '## Group Discussion',
      '',
      'What question should the group discuss?',
      '',
    ]);
    const after = lintString(fixed);
    expect(problemsOf(after, RULE).map((problem) => problem.range.line)).toEqual([70]);
    const checked = ['discussion-question', 'slide-title', 'empty-slide', 'cover-fields', 'covers-consistent', 'bullet-limits'];
    expect(after.filter((problem) => checked.includes(problem.ruleId)).map(summarise)).toEqual([]);
  });

  it('leaves one blank line before the inserted slide however the file ends', () => {
    const deck = `---\nmarp: true\ntheme: improvement-service\n---\n\n${COVER}`;
    const expected = `${deck}\n${TEMPLATE.slice(0, -1)}`;
    expect(fixWithRule(deck)).toBe(expected);
    expect(fixWithRule(deck.slice(0, -1))).toBe(expected);
    expect(fixWithRule(`${deck}\n`)).toBe(`${deck}\n${TEMPLATE.slice(0, -1)}`);
  });

  it('follows the part rule: a cover without a part title does not open a part', () => {
    const deck = `---\nmarp: true\n---\n\n${COVER}\n---\n\n${COVER}\n---\n\n<!-- _class: discussion -->\n\n## Group Discussion\n\nWhy?\n`;
    expect(problemsOf(lintString(deck), RULE)).toEqual([]);
  });

  it('names a part titled "Part N" once, not "Part 2 (Part 2)"', () => {
    const part = (title: string) => COVER.replace('\nBob Christie', `\n## ${title}\n\nBob Christie`);
    const deck = `---\nmarp: true\n---\n\n${COVER}\n---\n\n## Content\n\n---\n\n<!-- _class: discussion -->\n\n## Group Discussion\n\nWhy?\n\n---\n\n${part('Part 2')}\n---\n\n## More\n\n---\n\n${part('part 3 ')}\n---\n\n## Last\n`;
    expect(problemsOf(lintString(deck), RULE).map((problem) => problem.message.split(':')[0])).toEqual([
      'Part 2 ends with a `content` slide',
      'Part 3 ends with a `content` slide',
    ]);
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

  it('inserts nothing after a part it cannot see whole: a code fence, <style> or comment left open', () => {
    const head = `---\nmarp: true\ntheme: improvement-service\n---\n\n${COVER}\n---\n\n## Code\n\n`;
    for (const open of ['```js\nconst a = 1;\n', '<style>\nsection { color: red; }\n', '<!-- a note\n\nmore note\n']) {
      const deck = head + open;
      const [problem] = problemsOf(lintString(deck), RULE);
      expect(problem?.message).toBe(`Part 1 ends with a \`content\` slide: ${ADVICE}`);
      expect(problem?.fix).toBeUndefined();
      expect(fixWithRule(deck)).toBe(deck);
    }
  });

});
