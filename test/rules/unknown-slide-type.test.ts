import { describe, expect, it } from 'vitest';
import { fixFixture, lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

describe('unknown-slide-type', () => {
  it('reports a class that is not a house type, with a typo fix when one is near', () => {
    const problems = problemsOf(lintFixture('unknown-slide-type', 'bad'), 'unknown-slide-type');
    expect(problems.map(summarise)).toEqual([
      {
        rule: 'unknown-slide-type',
        severity: 'error',
        range: [18, 6, 18, 23],
        message:
          'Unknown slide type `discusion`: did you mean `discussion`? The house types are cover, content, models, benefits-risks, statistics, chart, spectrum, quote, discussion.',
      },
      {
        rule: 'unknown-slide-type',
        severity: 'error',
        range: [26, 6, 26, 20],
        message: 'Unknown slide type `wibble`: use one of cover, content, models, benefits-risks, statistics, chart, spectrum, quote, discussion.',
      },
    ]);
    expect(problems[0]?.fix?.edits).toEqual([{ range: { line: 18, column: 14, endLine: 18, endColumn: 23 }, newText: 'discussion' }]);
    expect(problems[1]?.fix).toBeUndefined();
  });

  it('accepts house types, and a slide with no class', () => {
    expect(problemsOf(lintFixture('unknown-slide-type', 'good'), 'unknown-slide-type')).toEqual([]);
  });

  it('fixes the typo and re-lints clean of it', () => {
    const fixed = fixFixture('unknown-slide-type', 'bad');
    expect(fixed.text).toContain('<!-- _class: discussion -->');
    expect(problemsOf(fixed.problems, 'unknown-slide-type').map((problem) => problem.message)).toEqual([
      expect.stringContaining('`wibble`'),
    ]);
  });
});

describe('unknown-slide-type on a class set once', () => {
  it('reports a front-matter or comment `class` once, at the directive, with the number of slides it reaches', () => {
    const slides = Array.from({ length: 22 }, (_, index) => `## Slide ${index + 1}\n\nText.\n`).join('\n---\n\n');
    const front = problemsOf(lintString(`---\nmarp: true\ntheme: improvement-service\nclass: invert\n---\n\n${slides}`), 'unknown-slide-type');
    expect(front.map(summarise)).toEqual([
      {
        rule: 'unknown-slide-type',
        severity: 'error',
        range: [4, 1, 4, 14],
        message: 'Unknown slide type `invert` (set once, on 22 slides): use one of cover, content, models, benefits-risks, statistics, chart, spectrum, quote, discussion.',
      },
    ]);
    const comment = problemsOf(lintString(`---\nmarp: true\n---\n\n## One\n\n---\n\n<!-- class: lede -->\n\n## Two\n\n---\n\n## Three\n`), 'unknown-slide-type');
    expect(comment.map(summarise)).toEqual([
      {
        rule: 'unknown-slide-type',
        severity: 'error',
        range: [9, 6, 9, 17],
        message: 'Unknown slide type `lede` (set once, on 2 slides): use one of cover, content, models, benefits-risks, statistics, chart, spectrum, quote, discussion.',
      },
    ]);
  });
});
