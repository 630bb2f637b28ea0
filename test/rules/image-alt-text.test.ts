import { describe, expect, it } from 'vitest';
import { altTextWithoutKeywords } from '../../src/core/deck/image-keywords';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'image-alt-text';
const NO_ALT = 'The image `images/chart.png` has no alt text: describe it between the brackets, e.g. `![Bar chart of …](…)`.';

describe('image-alt-text', () => {
  it('reports images with no alt text or only Marp keywords, each at its own `![…](…)`', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [20, 1, 20, 22], message: NO_ALT },
      // A background image alone in its paragraph (the deck model misses these; the rule reads the source).
      {
        rule: RULE,
        severity: 'error',
        range: [22, 1, 22, 33],
        message:
          'The image `images/chart.png` has only Marp keywords (`bg left:40%`) as alt text: add a description after them, e.g. `![bg left:40% Photo of …](…)`.',
      },
      {
        rule: RULE,
        severity: 'error',
        range: [28, 1, 28, 33],
        message:
          'The image `images/chart.png` has only Marp keywords (`w:200 sepia`) as alt text: add a description after them, e.g. `![w:200 sepia Photo of …](…)`.',
      },
      // The same path twice on a line: the second image is reported where it stands.
      { rule: RULE, severity: 'error', range: [28, 34, 28, 56], message: NO_ALT },
    ]);
    expect(problems.every((problem) => problem.fix === undefined)).toBe(true);
  });

  it('accepts described images, background images included', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });

  it('places an image whose path markdown-it encodes', () => {
    const problems = problemsOf(lintString('## A\n\nFirst line\n![](<my chart.png>)\n'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [4, 1, 4, 20],
        message: 'The image `my chart.png` has no alt text: describe it between the brackets, e.g. `![Bar chart of …](…)`.',
      },
    ]);
  });
});

describe('altTextWithoutKeywords', () => {
  it.each([
    ['bg', ''],
    ['bg left:40%', ''],
    ['bg right contain', ''],
    ['bg fit 50% vertical', ''],
    ['w:200 h:100px sepia blur:4px opacity:.5', ''],
    ['width:300 height:auto grayscale drop-shadow:0,5px,10px,rgba(0,0,0,.4)', ''],
    ['bg left:40% A bar chart', 'A bar chart'],
    // Without `bg`, background keywords are words of the alt text, as Marp reads them.
    ['left', 'left'],
    ['Cover of the 2010 report', 'Cover of the 2010 report'],
  ])('%j keeps %j', (alt, kept) => {
    expect(altTextWithoutKeywords(alt)).toBe(kept);
  });
});

describe('image-alt-text: images the deck model reads oddly', () => {
  it('reports an image once when its path holds a character reference', () => {
    const problems = problemsOf(lintString('## A\n\nSee ![](a&amp;b.png) here\n'), RULE);
    expect(problems.map((found) => [found.range.line, found.range.column, found.range.endColumn])).toEqual([[3, 5, 21]]);
  });

  it('reports background images alone in a paragraph, and not images in code or comments', () => {
    const text = '## A\n\n![bg](a.png)\n![bg fit](b.png)\n\n`![](c.png)`\n\n<!-- ![](d.png) -->\n\n```\n![](e.png)\n```\n';
    const problems = problemsOf(lintString(text), RULE);
    expect(problems.map((found) => [found.range.line, found.range.column, found.range.endColumn])).toEqual([
      [3, 1, 13],
      [4, 1, 17],
    ]);
  });
});
