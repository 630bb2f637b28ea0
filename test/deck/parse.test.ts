import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import type { Deck, List, RichTextSpan, TextRun } from '../../src/core/deck/types';
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

  it('reads a cover’s fields where docs/house-structure.md §3 places them', () => {
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
    expect(second?.boldLead).toEqual({ bold: '£3bn', rest: 'saved by self care', restRuns: [plain('saved by self care')] });
    expect(first?.children[0]?.items[0]?.runs).toEqual([plain('nested '), bold('point')]);
    expect(second?.runs).toEqual([bold('£3bn'), plain(' – saved by self care')]);
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

  it('keeps a note that reads as YAML (`Timing: 5 minutes`) as a note, as Marp does; directives and magic comments are not notes', () => {
    const slide = parseDeck('---\nmarp: true\n---\n\n## A\n\n<!-- Timing: 5 minutes -->\n\n<!-- _class: content -->\n\n<!-- markdownlint-disable -->\n', 'deck.md').slides[0];
    expect(slide?.notes.map((note) => note.text)).toEqual(['Timing: 5 minutes']);
    expect(slide?.className).toBe('content');
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

const run = (text: string, format: Partial<Omit<TextRun, 'text'>> = {}): TextRun => ({ text, bold: false, italic: false, code: false, ...format });
const plain = (text: string) => run(text);
const bold = (text: string) => run(text, { bold: true });
const italic = (text: string) => run(text, { italic: true });

describe('text runs', () => {
  const RUNS = [
    '---',
    'marp: true',
    '---',
    '',
    '## The *real* `cost`',
    '',
    'Prices in **real',
    'terms** rise  ',
    '*fast*',
    '',
    "- We can't **do** outcomes **to** people",
    '- **Paternalism** – treating citizens as *recipients* of ***services***',
    '',
    '| Area | **Cost** |',
    '|---|---|',
    '| *Care* | `£3bn` |',
    '',
    '> Work **with** people',
    '>',
    '> to *co-produce*',
  ].join('\n');
  const slide = parseDeck(RUNS).slides[0]!;

  it('keeps bold, italic and code as runs of headings, list items and bold-lead rests', () => {
    expect(slide.title?.runs).toEqual([plain('The '), italic('real'), plain(' '), run('cost', { code: true })]);
    const [doTo, paternalism] = slide.lists[0]!.items;
    expect(doTo?.runs).toEqual([plain("We can't "), bold('do'), plain(' outcomes '), bold('to'), plain(' people')]);
    expect(paternalism?.boldLead).toEqual({
      bold: 'Paternalism',
      rest: 'treating citizens as recipients of services',
      restRuns: [plain('treating citizens as '), italic('recipients'), plain(' of '), run('services', { bold: true, italic: true })],
    });
  });

  it('keeps line breaks in the run they fall in, and splits a paragraph’s runs by line', () => {
    const [paragraph] = slide.paragraphs;
    expect(paragraph?.text).toBe('Prices in real\nterms rise\nfast');
    expect(paragraph?.runs).toEqual([plain('Prices in '), bold('real\nterms'), plain(' rise\n'), italic('fast')]);
    expect(paragraph?.lines.map((line) => line.runs)).toEqual([[plain('Prices in '), bold('real')], [bold('terms'), plain(' rise')], [italic('fast')]]);
  });

  it('keeps runs in table cells and joins a blockquote’s paragraphs with a line break', () => {
    const table = slide.tables[0]!;
    expect(table.header.cells.map((cell) => cell.runs)).toEqual([[plain('Area')], [bold('Cost')]]);
    expect(table.rows[0]?.cells.map((cell) => cell.runs)).toEqual([[italic('Care')], [run('£3bn', { code: true })]]);
    expect(slide.blockquotes[0]?.runs).toEqual([plain('Work '), bold('with'), plain(' people\nto '), italic('co-produce')]);
  });
});

/** Every span of a deck that has runs, with a name to report it by. */
function richSpans(deck: Deck): Array<[string, RichTextSpan]> {
  const spans: Array<[string, RichTextSpan]> = [];
  const items = (where: string, list: List): void =>
    list.items.forEach((item, index) => {
      spans.push([`${where} item ${index}`, item]);
      if (item.boldLead) spans.push([`${where} item ${index} rest`, { text: item.boldLead.rest, runs: item.boldLead.restRuns, range: item.range }]);
      item.children.forEach((child) => items(`${where} item ${index} >`, child));
    });
  for (const slide of deck.slides) {
    const at = `slide ${slide.index + 1}`;
    slide.headings.forEach((heading, index) => spans.push([`${at} heading ${index}`, heading]));
    slide.paragraphs.forEach((paragraph, index) => {
      spans.push([`${at} paragraph ${index}`, paragraph]);
      paragraph.lines.forEach((line, lineIndex) => spans.push([`${at} paragraph ${index} line ${lineIndex}`, line]));
    });
    slide.lists.forEach((list, index) => items(`${at} list ${index}`, list));
    slide.tables.forEach((table, index) =>
      [table.header, ...table.rows].forEach((row, rowIndex) =>
        row.cells.forEach((cell, cellIndex) => spans.push([`${at} table ${index} row ${rowIndex} cell ${cellIndex}`, cell])),
      ),
    );
    slide.blockquotes.forEach((quote, index) => spans.push([`${at} blockquote ${index}`, quote]));
  }
  return spans;
}

describe('Marp constructs in the model', () => {
  const FEATURES = [
    '---',
    'marp: true',
    'header: Council **review**',
    '---',
    '',
    '# Costs :moneybag: 🙂',
    '',
    'Cost per home $c = \\frac{S}{h}$ here, and $5 and $10 stay prose.',
    '',
    '$$',
    '\\bar{x} = 1',
    '$$',
    '',
    '```python',
    'print("hi")',
    '```',
    '',
    '    indented',
    '',
    '<!-- Note: a colon does not make a directive. -->',
    '',
    '---',
    '',
    '<!-- _footer: Only here -->',
    '<!-- header: Second header -->',
    '',
    '## Two',
  ].join('\n');
  const deck = parseDeck(FEATURES, 'features.md');
  const [first, second] = deck.slides;

  it('reads inline and block formulas with their TeX and ranges; money stays prose', () => {
    expect(first!.formulas).toEqual([
      { tex: 'c = \\frac{S}{h}', display: false, range: { line: 8, column: 15, endLine: 8, endColumn: 32 } },
      { tex: '\\bar{x} = 1', display: true, range: { line: 10, column: 1, endLine: 12, endColumn: 3 } },
    ]);
    const paragraph = first!.paragraphs[0]!;
    expect(paragraph.runs.filter((run) => run.math)).toEqual([{ text: 'c = \\frac{S}{h}', bold: false, italic: false, code: false, math: true }]);
    expect(paragraph.text).toBe('Cost per home c = \\frac{S}{h} here, and $5 and $10 stay prose.');
  });

  it('reads fenced and indented code blocks with their language and range', () => {
    expect(first!.codeBlocks).toEqual([
      { language: 'python', text: 'print("hi")', range: { line: 14, column: 1, endLine: 16, endColumn: 4 } },
      { language: '', text: 'indented', range: { line: 18, column: 5, endLine: 18, endColumn: 13 } },
    ]);
  });

  it('reads emoji shortcodes and characters as text', () => {
    expect(first!.headings[0]!.text).toBe('Costs 💰 🙂');
  });

  it('keeps a comment that names no directive Marp knows as a presenter note', () => {
    expect(first!.notes.map((note) => note.text)).toEqual(['Note: a colon does not make a directive.']);
    expect(first!.directives).toEqual([]);
  });

  it('reads the header and footer text Marp draws on each slide, at the directive in force', () => {
    expect(first!.header).toMatchObject({ text: 'Council review', range: { line: 3, column: 9 } });
    expect(first!.header!.runs).toEqual([
      { text: 'Council ', bold: false, italic: false, code: false },
      { text: 'review', bold: true, italic: false, code: false },
    ]);
    expect(first!.footer).toBeUndefined();
    expect(second!.header).toMatchObject({ text: 'Second header', range: { line: 25, column: 14 } });
    expect(second!.footer).toMatchObject({ text: 'Only here', range: { line: 24, column: 15 } });
  });
});

describe('the bundled decks', () => {
  it.each(['decks/masterclass-2010-03-24.md', 'decks/template.md'])('%s: every span’s runs join to its text, none empty', (path) => {
    const spans = richSpans(parseDeck(read(path)));
    expect(spans.length).toBeGreaterThan(50);
    for (const [where, span] of spans) {
      expect(span.runs.map((r) => r.text).join(''), where).toBe(span.text);
      expect(span.runs.every((r) => r.text !== ''), where).toBe(true);
    }
    if (path.includes('masterclass')) {
      const formatted = spans.filter(([, span]) => span.runs.some((r) => r.italic || (r.bold && r.text !== span.text)));
      expect(formatted.length).toBeGreaterThan(10);
    }
  });

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
      'quote',
      'discussion',
    ]);
    expect(lintString(read('decks/template.md'), undefined, join(ROOT, 'decks/template.md'))).toEqual([]);
  });
});
