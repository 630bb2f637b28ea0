import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { lintString } from '../helpers/lint';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const SAMPLE = `---
marp: true
theme: improvement-service
class: content
---

<!-- _class: cover -->

Elected Members Masterclass
24/03/10

# Delivering Outcomes

- The Context
- Delivering Outcomes

Bob Christie
The Improvement Service

---

## The Economic Context
### Why it matters

- Public output is 42%¹
  - nested **point**
- **£3bn** – saved by self care

| Benefits | Risks |
|---|---|
| People | |

![A chart](<images/my chart.png>) ![bg](back.png)

> Outcomes are the why

¹ Source: a survey

<!-- a presenter note -->
<!-- isdeck-disable uk-spelling -->
`;

describe('parseDeck', () => {
  const deck = parseDeck(SAMPLE, 'deck.md');
  const [cover, content] = deck.slides;

  it('reads front-matter with key and value ranges', () => {
    expect(deck.frontMatter?.data).toEqual({ marp: true, theme: 'improvement-service', class: 'content' });
    expect(deck.frontMatter?.entries.find((entry) => entry.key === 'theme')?.valueRange).toEqual({ line: 3, column: 8, endLine: 3, endColumn: 27 });
  });

  it('reads a cover’s fields where house-structure §3 places them', () => {
    expect(cover?.type).toBe('cover');
    const fields = cover?.cover;
    expect([fields?.series?.text, fields?.date?.text, fields?.deckTitle?.text, fields?.presenter?.text, fields?.organisation?.text]).toEqual([
      'Elected Members Masterclass',
      '24/03/10',
      'Delivering Outcomes',
      'Bob Christie',
      'The Improvement Service',
    ]);
    expect(fields?.date?.range).toEqual({ line: 10, column: 1, endLine: 10, endColumn: 9 });
    expect(fields?.agenda.map((item) => item.text)).toEqual(['The Context', 'Delivering Outcomes']);
  });

  it('reads a content slide: title, subtitle, nested lists with bold leads, tables, images, quotes, footnotes, notes', () => {
    expect(content?.type).toBe('content');
    expect(content?.classDirective?.origin).toBe('front-matter');
    expect(content?.title?.text).toBe('The Economic Context');
    expect(content?.subtitle?.text).toBe('Why it matters');
    const [first, second] = content?.lists[0]?.items ?? [];
    expect(first?.children[0]?.items[0]).toMatchObject({ text: 'nested point', depth: 2 });
    expect(second?.boldLead).toEqual({ bold: '£3bn', rest: 'saved by self care' });
    expect(content?.tables[0]?.rows[0]?.cells.map((cell) => [cell.text, cell.range.column])).toEqual([
      ['People', 3],
      ['', 11],
    ]);
    expect(content?.images.map((image) => [image.src, image.alt, image.range.column, image.pathRange.column])).toEqual([
      ['images/my chart.png', 'A chart', 1, 12],
      ['back.png', 'bg', 35, 41],
    ]);
    expect(content?.blockquotes.map((quote) => quote.text)).toEqual(['Outcomes are the why']);
    expect(content?.footnoteMarkers).toEqual([{ marker: '1', range: { line: 25, column: 23, endLine: 25, endColumn: 24 } }]);
    expect(content?.footnoteSources.map((source) => source.range.line)).toEqual([37]);
    expect(content?.notes.map((note) => note.text)).toEqual(['a presenter note']);
    expect(deck.inlineConfig).toEqual([{ kind: 'disable', rules: ['uk-spelling'], line: 40 }]);
  });

  it('puts every slide in a part and gives slide-level problems an anchor on the first content line', () => {
    expect(deck.parts).toEqual([{ index: 0, slideIndices: [0, 1], title: undefined }]);
    expect(content?.anchor.line).toBe(22);
  });

  it('gives a CRLF file and a file with a byte-order mark the same model as LF', () => {
    const crlf = parseDeck(`\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}`, 'deck.md');
    expect(crlf.slides).toEqual(deck.slides);
  });
});

describe('the bundled decks', () => {
  it('the rebuilt seed masterclass has 45 slides in three parts and passes every rule', () => {
    const seed = parseDeck(read('decks/masterclass-2010-03-24.md'));
    expect(seed.slides).toHaveLength(45);
    expect(seed.parts.map((part) => [part.title, part.slideIndices.length])).toEqual([
      [undefined, 22],
      ['Implications of Co-Production', 9],
      ['Co-production: Transforming Services', 14],
    ]);
    expect(lintString(read('decks/masterclass-2010-03-24.md'), undefined, join(ROOT, 'decks/masterclass-2010-03-24.md'))).toEqual([]);
  });

  it('the template has one slide of every type and passes every rule', () => {
    const template = parseDeck(read('decks/template.md'));
    expect(template.slides.map((slide) => slide.type)).toEqual([
      'cover',
      'content',
      'models',
      'benefits-risks',
      'statistics',
      'chart',
      'spectrum',
      'discussion',
    ]);
    expect(lintString(read('decks/template.md'), undefined, join(ROOT, 'decks/template.md'))).toEqual([]);
  });
});
