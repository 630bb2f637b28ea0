import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { protectedIntervals, subtract } from '../../src/core/deck/prose';
import { fixText } from '../../src/core/lint/fix';
import { allRules } from '../../src/core/rules';
import { lintOptions, lintString, problemsOf } from '../helpers/lint';

/** Each prose span as `line:column text`. */
function spans(text: string): string[] {
  return parseDeck(text).prose.map((span) => `${span.range.line}:${span.range.column} ${span.text}`);
}

const FRONT = '---\nmarp: true\ntheme: improvement-service\n---\n\n';

describe('prose spans', () => {
  it('are the text of paragraphs, headings, list items, quotes and cells, placed exactly', () => {
    const deck = `${FRONT}## A *color* title ##\n\n- item one\n  continued\n\n> quoted **text**\nlazy line\n\n| head | a \\| b |\n|---|---|\n| cell | \`x\` |\n`;
    expect(spans(deck)).toEqual([
      '6:4 A ',
      '6:7 color',
      '6:13  title',
      '8:3 item one',
      '9:3 continued',
      '11:3 quoted ',
      '11:12 text',
      '12:1 lazy line',
      '14:3 head',
      '14:10 a ',
      '14:13 | b',
      '16:3 cell',
    ]);
  });

  it('never cover CSS, HTML, images, links’ targets, URLs, code, math, comments, directives or front-matter', () => {
    const deck = `---
marp: true
style: |
  section { color: red; }
---

<style>
section { color: blue; background-color: #fff; --color-background: red; text-align: center; }
</style>

<!-- _backgroundColor: color -->

![center w:700](img/color.png) <span style="color:red" class="center">shown</span>

Use \`color\` at https://example.org/color, www.color.org or me@color.org: $color^2$ and $$center$$ [a color](http://c.org/center).

\`\`\`css
p { text-align: center; }
\`\`\`
`;
    // Between the image and the tag, the text shown by the tag; around code, addresses and math.
    expect(spans(deck)).toEqual(['13:31  ', '13:71 shown', '15:1 Use ', '15:12  at ', '15:42  ', '15:56  or ', '15:73  ', '15:83  and ', '15:98  ', '15:100 a color']);
  });

  it('every span is the source text at its range, on one line', () => {
    const deck = `${FRONT}Tabs\tand é and 😀 **bold** \\* escaped &amp; entity <!-- note --> after\n`;
    const parsed = parseDeck(deck);
    for (const span of parsed.prose) {
      expect(span.range.line).toBe(span.range.endLine);
      expect(parsed.lines[span.range.line - 1]!.slice(span.range.column - 1, span.range.endColumn - 1)).toBe(span.text);
    }
    expect(parsed.prose.map((span) => span.text)).toEqual(['Tabs\tand é and 😀 ', 'bold', ' ', ' escaped ', ' entity ', ' after']);
  });
});

describe('protectedIntervals', () => {
  it('finds math as Marp reads it: `$` must touch its text, `$5` prices are prose', () => {
    expect(protectedIntervals('a $x$ b $$y$$ c')).toEqual([[2, 5], [8, 13]]);
    expect(protectedIntervals('costs $5 and $10 each')).toEqual([]);
    expect(protectedIntervals('a $ b $ c')).toEqual([]);
  });

  it('finds tags written as text, and addresses', () => {
    expect(protectedIntervals('x <b class="c">y</b> z')).toEqual([[2, 15], [16, 20]]);
    expect(protectedIntervals('see [http://a.b/c] or me@x.org')).toEqual([[5, 17], [22, 30]]);
  });

  it('subtracts sorted intervals', () => {
    expect(subtract([[0, 10], [12, 20]], [[2, 4], [8, 14], [19, 30]])).toEqual([[0, 2], [4, 8], [14, 19]]);
  });
});

describe('--fix changes prose only (the cases of the hardening review)', () => {
  const deck = `${FRONT}<style>
section { color: #123; background-color: #fff; --color-background: #eee; text-align: center; }
</style>

<!-- _class: content -->

## The color of the center

![center w:700](pictures/color.png)

<div class="center" style="color: red">The color</div>
`;

  it('reports only the words of prose', () => {
    const found = problemsOf(lintString(deck), 'uk-spelling').map((problem) => `${problem.range.line}:${problem.range.column}`);
    expect(found).toEqual(['12:8', '12:21', '16:44']);
  });

  it('leaves CSS, image keywords and HTML attributes byte for byte', () => {
    const fixed = fixText(deck, undefined, { ...lintOptions(), rules: allRules.filter((rule) => rule.id === 'uk-spelling') }).text;
    expect(fixed).toBe(deck.replace('## The color of the center', '## The colour of the centre').replace('>The color<', '>The colour<'));
  });
});
