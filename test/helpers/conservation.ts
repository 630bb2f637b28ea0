/**
 * Conservation: does every word a reader of Marp's own rendering sees reach isdeck's HTML,
 * PDF and PowerPoint? Used by the conservation test and by `npm run bench`.
 *
 * The reference is marp-core with its defaults (Marp's HTML allowlist, math on with KaTeX,
 * emoji as Twemoji pictures): the text content of each slide's `<section>`, header and
 * footer included (Marp's page number is CSS-generated, so it is never text). Each output is
 * read the way its reader gets it: the HTML export's sections; the PDF's text layer, page by
 * page (pdf.js); the PPTX's slide text (`<a:t>`, tables, the math of `<a14:m>`, the chart
 * parts' caches) and its notes slides, which are compared with Marp's presenter notes.
 *
 * What a word is (the same rules for the reference and every output):
 * - Unicode NFKC (ligatures, superscript digits, full-width forms fold), lower case.
 * - A word is a run of letters, digits and combining marks. Everything else separates words,
 *   hyphens included: `Co-production` is `co` + `production`, so a line broken at a hyphen
 *   (`Co-` ⏎ `production` in the PDF) loses nothing. A word broken where the source has no
 *   hyphen is joined back when the two pieces, one ending a line and the other starting the
 *   next, make a word the reference has and the pieces alone do not account for.
 * - Superscript and subscript digits (`online²`, `H₂O`) stand apart from the word they follow,
 *   as `<sup>`/`<sub>` do (below): a PDF's text layer gives them apart.
 * - An emoji is a word of its own (variation selectors and joiners dropped). Marp draws
 *   emoji as pictures whose alt text is the character: that alt text is the word.
 * - Math is compared character by character: the letters and digits of the formula as KaTeX
 *   writes it in MathML (`E = mc^2` is E, m, c, 2; `\alpha` is α; the TeX source in the
 *   annotation is not counted). An output keeps a formula's characters when they are found
 *   in what is left of its slide text once the words have been matched, so a formula drawn
 *   in any form (MathML, PDF glyphs, Office math) counts, and TeX commands do not.
 * - Words are counted per slide as a multiset: a word Marp shows twice must appear twice.
 *   Extra words in an output (the house tagline, labels of a chart) do not count against it.
 */
import { readFileSync } from 'node:fs';
import { Marp } from '@marp-team/marp-core';
import katexPlugin from '@marp-team/marp-core/plugins/katex';
import { parseDocument } from 'htmlparser2';
import JSZip from 'jszip';

/** The words of one slide of a rendering. */
export interface SlideWords {
  /** Words of the slide's text, math excluded. */
  words: string[];
  /** Letters and digits of the slide's formulas, one a character. */
  math: string[];
  /** Words of the slide's presenter notes. */
  notes: string[];
}

/** What an output holds for one slide: its text as drawn (line breaks as `\n`) and its notes. */
export interface OutputSlide {
  text: string;
  notes?: string;
}

export type OutputFormat = 'html' | 'pdf' | 'pptx';

export interface SlideLoss {
  /** 1-based slide number. */
  slide: number;
  /** Words not found, math characters as `math:x`, note words as `notes:word`. */
  missing: string[];
}

export interface FormatFigures {
  /** Words (and math characters) the reference shows. */
  total: number;
  /** How many of them the output keeps. */
  kept: number;
  /** Slides that lose something, with what they lose. */
  losses: SlideLoss[];
  /** Set when the output's slide or page count differs from the reference. */
  countMismatch?: { reference: number; output: number };
}

const IGNORED_MARKS = /[\uFE0E\uFE0F\u200D]/g;
const SCRIPT_DIGITS = /[⁰¹²³⁴-⁹₀-₉]+/g;
const WORD = /[\p{L}\p{N}\p{M}]+|\p{Extended_Pictographic}/gu;

/** The words of a text, by the rules above. */
export function wordsOf(text: string): string[] {
  return [...text.replace(SCRIPT_DIGITS, ' $& ').normalize('NFKC').toLowerCase().replace(IGNORED_MARKS, '').matchAll(WORD)].map((match) => match[0]);
}

/**
 * The letters and digits of a formula's text, one a character. Modifier letters (`ˉ`, the
 * bar KaTeX writes for `\bar{x}`) are accents drawn over a letter, not characters to read.
 */
export function mathCharacters(text: string): string[] {
  return wordsOf(text).flatMap((word) => [...word].filter((character) => !/\p{Lm}/u.test(character)));
}

let reference: Marp | undefined;

/** marp-core with its defaults and the KaTeX plugin: math on, as Marp tools render it. */
function referenceMarp(): Marp {
  reference ??= new Marp().use(katexPlugin());
  return reference;
}

/** Marp's own rendering of a deck, slide by slide: the reference of what a reader sees. */
export function referenceSlides(markdown: string): SlideWords[] {
  const { html, comments } = referenceMarp().render(markdown);
  return slidesOfHtml(html).map((slide, index) => ({
    words: slide.words,
    math: slide.math,
    notes: wordsOf((comments[index] ?? []).filter((comment) => !INLINE_CONFIG.test(comment)).join('\n')),
  }));
}

/** isdeck's own `<!-- isdeck-disable … -->` comments: configuration for the linter, not presenter notes. */
const INLINE_CONFIG = /^\s*isdeck-(?:disable|enable)/;

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/** Superscripts and subscripts are set apart from the word they follow (`H₂O`, `online²`), as a PDF's text layer reads them. */
const SEPARATE = new Set(['sup', 'sub']);

/** Elements that start a new line of text (a line break is put around their text). */
const BLOCK = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul svg text tspan foreignobject'.split(' '),
);

/** One slide of an HTML rendering: its text, with math and emoji handled as above. */
interface HtmlSlide {
  text: string;
  words: string[];
  math: string[];
}

function classes(node: DomNode): string[] {
  return (node.attribs?.class ?? '').split(/\s+/);
}

/** The text of a node, `annotation` (the TeX source of a formula) left out. */
function mathText(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.name === 'annotation') return '';
  return (node.children ?? []).map(mathText).join(' ');
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[name!.toLowerCase() as 'amp'] ?? whole;
  });
}

/** Walks a slide: text in order, formulas collected apart, Twemoji pictures as their character. */
function slideText(section: DomNode): HtmlSlide {
  let text = '';
  const math: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.type === 'text') {
      text += node.data ?? '';
      return;
    }
    if (node.type !== 'tag') return;
    if (classes(node).includes('katex')) {
      const mathml = (node.children ?? []).find((child) => classes(child).includes('katex-mathml'));
      if (mathml) math.push(...mathCharacters(mathText(mathml)));
      return;
    }
    if (node.name === 'img') {
      if (node.attribs?.['data-marp-twemoji'] !== undefined) text += node.attribs?.alt ?? '';
      return;
    }
    const around = BLOCK.has(node.name ?? '') ? '\n' : SEPARATE.has(node.name ?? '') ? ' ' : '';
    text += around;
    for (const child of node.children ?? []) walk(child);
    text += around;
  };
  walk(section);
  return { text: decodeEntities(text), words: wordsOf(decodeEntities(text)), math };
}

/**
 * The slides of a Marp HTML rendering (Marp's own or isdeck's export): every `<section>` in
 * document order but the layers Marpit adds for advanced backgrounds (the pictures, and the
 * pseudo layer that draws pagination), which hold no text of the slide.
 */
export function slidesOfHtml(html: string): HtmlSlide[] {
  const sections: DomNode[] = [];
  const find = (node: DomNode): void => {
    if (node.type === 'tag' && node.name === 'section') {
      const layer = node.attribs?.['data-marpit-advanced-background'];
      if (layer !== 'background' && layer !== 'pseudo') sections.push(node);
      return;
    }
    if (node.type === 'script' || node.type === 'style') return;
    for (const child of node.children ?? []) find(child);
  };
  find(parseDocument(html, { decodeEntities: false }) as unknown as DomNode);
  return sections.map(slideText);
}

/** isdeck's HTML export, slide by slide. Formulas count as text here: the comparison finds their characters. */
export function htmlOutput(html: string): OutputSlide[] {
  return slidesOfHtml(html).map((slide) => ({ text: `${slide.text}\n${slide.math.join(' ')}` }));
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

/**
 * A PDF's text layer, page by page (pdf.js). Text items on one baseline that touch are
 * joined; a gap wider than a fifth of the font size is a space; a new baseline is a new line.
 */
export async function pdfOutput(bytes: Uint8Array): Promise<OutputSlide[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: OutputSlide[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      let last: PdfTextItem | undefined;
      for (const item of content.items as PdfTextItem[]) {
        if (typeof item.str !== 'string') continue;
        if (last && item.str !== '') {
          const size = Math.abs(item.transform[3] ?? 0) || item.height || 1;
          const sameLine = Math.abs((item.transform[5] ?? 0) - (last.transform[5] ?? 0)) < size * 0.5;
          const gap = (item.transform[4] ?? 0) - ((last.transform[4] ?? 0) + last.width);
          if (!sameLine) text += '\n';
          else if (gap > size * 0.2) text += ' ';
        }
        text += item.str;
        if (item.hasEOL) text += '\n';
        if (item.str !== '') last = item;
      }
      pages.push({ text });
    }
  } finally {
    await document.destroy();
  }
  return pages;
}

function unescapeXml(text: string): string {
  return decodeEntities(text);
}

/** Text of DrawingML/Office-math XML: `<a:t>` and `<m:t>` in order, a paragraph or line break as a new line. */
function drawingText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<(a|m):t(?:\s[^>]*)?>([^<]*)<\/\1:t>|<\/a:p>|<a:br\/>|<\/m:oMath>/g)) {
    text += match[2] !== undefined ? unescapeXml(match[2]) : '\n';
  }
  return text;
}

/** The targets of a part's relationships of one type, as zip paths. */
async function relations(zip: JSZip, part: string, type: string): Promise<string[]> {
  const folder = part.slice(0, part.lastIndexOf('/'));
  const rels = await zip.file(`${folder}/_rels/${part.slice(folder.length + 1)}.rels`)?.async('string');
  if (!rels) return [];
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((rel) => new RegExp(`Type="[^"]*/${type}"`).test(rel))
    .map((rel) => /Target="([^"]+)"/.exec(rel)?.[1] ?? '')
    .map((target) => (target.startsWith('/') ? target.slice(1) : normalisePath(`${folder}/${target}`)));
}

function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/**
 * A PPTX, slide by slide in presentation order: what PowerPoint shows (of a markup-compatibility
 * choice, the first choice; the fallback is for older readers), chart caches (categories,
 * series names, values, title) and the notes slide's text.
 */
export async function pptxOutput(bytes: Uint8Array): Promise<OutputSlide[]> {
  const zip = await JSZip.loadAsync(bytes);
  const presentation = (await zip.file('ppt/presentation.xml')?.async('string')) ?? '';
  const rels = (await zip.file('ppt/_rels/presentation.xml.rels')?.async('string')) ?? '';
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const order = [...presentation.matchAll(/<p:sldId\b[^>]*\br:id="([^"]+)"/g)].map((m) => targets.get(m[1]!) ?? '');
  const slides: OutputSlide[] = [];
  for (const target of order) {
    const part = target.startsWith('/') ? target.slice(1) : normalisePath(`ppt/${target}`);
    const xml = ((await zip.file(part)?.async('string')) ?? '').replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, '');
    let text = drawingText(xml);
    for (const chart of await relations(zip, part, 'chart')) {
      const chartXml = (await zip.file(chart)?.async('string')) ?? '';
      text += `\n${drawingText(chartXml)}\n${[...chartXml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => unescapeXml(m[1]!)).join('\n')}`;
    }
    let notes = '';
    for (const notesPart of await relations(zip, part, 'notesSlide')) notes += drawingText((await zip.file(notesPart)?.async('string')) ?? '');
    slides.push({ text, notes });
  }
  return slides;
}

/** Takes `count` of `word` out of a multiset; returns how many were there to take. */
function take(bag: Map<string, number>, word: string): boolean {
  const count = bag.get(word) ?? 0;
  if (count === 0) return false;
  if (count === 1) bag.delete(word);
  else bag.set(word, count - 1);
  return true;
}

function bagOf(words: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of words) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

/**
 * A line's words with letter-spaced words joined: a PDF's text layer gives text set with
 * letter spacing (`GROUP DISCUSSION` in small capitals) as single letters with spaces, so a
 * run of single letters is read as the longest words the reference has, left to right.
 */
function joinSpacedLetters(words: readonly string[], wanted: ReadonlyMap<string, number>): string[] {
  const joined: string[] = [];
  for (let index = 0; index < words.length; ) {
    let end = index;
    while (end < words.length && [...words[end]!].length === 1) end++;
    if (end - index < 3) {
      joined.push(words[index]!);
      index++;
      continue;
    }
    while (index < end) {
      let length = end - index;
      while (length > 1 && !wanted.has(words.slice(index, index + length).join(''))) length--;
      joined.push(words.slice(index, index + length).join(''));
      index += length;
    }
  }
  return joined;
}

/**
 * An output's words, lines kept apart so that a word a renderer broke across two lines
 * without a hyphen can be joined again when the reference has it whole.
 */
function outputWords(text: string, wanted: ReadonlyMap<string, number>): string[] {
  const lines = text.split('\n').map((line) => joinSpacedLetters(wordsOf(line), wanted));
  const words: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const next = lines[index + 1];
    const tail = line.at(-1);
    const head = next?.[0];
    if (tail !== undefined && head !== undefined && wanted.has(tail + head) && !(wanted.has(tail) && wanted.has(head))) {
      words.push(...line.slice(0, -1), tail + head);
      next!.shift();
    } else {
      words.push(...line);
    }
  }
  return words;
}

/** What one output slide misses of one reference slide (see the rules at the top). */
export function missingWords(reference: SlideWords, output: OutputSlide | undefined, withNotes: boolean): string[] {
  const wanted = bagOf(reference.words);
  const leftovers: string[] = [];
  for (const word of outputWords(output?.text ?? '', wanted)) if (!take(wanted, word)) leftovers.push(word);
  const characters = bagOf(leftovers.flatMap((word) => [...word]));
  const missing = [...wanted].flatMap(([word, count]) => Array<string>(count).fill(word));
  for (const character of reference.math) if (!take(characters, character)) missing.push(`math:${character}`);
  if (withNotes) {
    const notes = bagOf(wordsOf(output?.notes ?? ''));
    for (const word of reference.notes) if (!take(notes, word)) missing.push(`notes:${word}`);
  }
  return missing;
}

/** Compares an output with the reference, slide by slide. Notes count only where the format carries them (PPTX). */
export function compareOutput(reference: readonly SlideWords[], output: readonly OutputSlide[], format: OutputFormat): FormatFigures {
  const withNotes = format === 'pptx';
  let total = 0;
  let kept = 0;
  const losses: SlideLoss[] = [];
  reference.forEach((slide, index) => {
    const count = slide.words.length + slide.math.length + (withNotes ? slide.notes.length : 0);
    const missing = missingWords(slide, output[index], withNotes);
    total += count;
    kept += count - missing.length;
    if (missing.length > 0) losses.push({ slide: index + 1, missing });
  });
  const figures: FormatFigures = { total, kept, losses };
  if (output.length !== reference.length) figures.countMismatch = { reference: reference.length, output: output.length };
  return figures;
}

/** Kept words as a percentage (100 when there is nothing to keep). */
export function percentKept(figures: FormatFigures): number {
  return figures.total === 0 ? 100 : (100 * figures.kept) / figures.total;
}

export interface DeckConservation {
  deck: string;
  slides: number;
  formats: Partial<Record<OutputFormat, FormatFigures>>;
}

/** The figures as a table, one row a deck, one column a format (`kept/total = %`). */
export function conservationTable(results: readonly DeckConservation[]): string {
  const formats: OutputFormat[] = ['html', 'pdf', 'pptx'];
  const rows = [['deck', 'slides', ...formats.map((format) => format.toUpperCase())]];
  for (const result of results) {
    rows.push([
      result.deck,
      String(result.slides),
      ...formats.map((format) => {
        const figures = result.formats[format];
        return figures ? `${figures.kept}/${figures.total} = ${percentKept(figures).toFixed(1)} %` : '–';
      }),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}

/** The losses of a result as lines: `deck PPTX slide 3: word, word`. */
export function lossLines(result: DeckConservation): string[] {
  return Object.entries(result.formats).flatMap(([format, figures]) => [
    ...(figures.countMismatch ? [`${result.deck} ${format.toUpperCase()}: ${figures.countMismatch.output} slides, Marp has ${figures.countMismatch.reference}`] : []),
    ...figures.losses.map((loss) => `${result.deck} ${format.toUpperCase()} slide ${loss.slide}: ${loss.missing.join(', ')}`),
  ]);
}

/** Reads a deck and renders Marp's reference of it. */
export function referenceOfFile(path: string): SlideWords[] {
  return referenceSlides(readFileSync(path, 'utf8'));
}

export interface MeasureOptions {
  /** A running browser for the PDF (none: the PDF is not measured). */
  browser?: import('../../src/core/export/browser').PdfBrowser;
  /** A folder to write the exports to. */
  outDir: string;
}

export interface MeasuredDeck extends DeckConservation {
  /** What the PPTX export said it left out or changed. */
  pptxWarnings: import('../../src/core/export/pptx').PptxWarning[];
  /** The written files. */
  files: Partial<Record<OutputFormat, string>>;
}

/** Exports a deck to HTML, PDF (with a browser) and PPTX with isdeck and compares each with Marp's rendering. */
export async function measureDeck(deckPath: string, options: MeasureOptions): Promise<MeasuredDeck> {
  const { basename, join } = await import('node:path');
  const { parseDeck } = await import('../../src/core/deck/parse');
  const { renderStandaloneHtml } = await import('../../src/core/render');
  const { exportPptx } = await import('../../src/core/export/pptx');
  const { exportPdf } = await import('../../src/core/export/pdf');
  const { writeFileSync } = await import('node:fs');
  const markdown = readFileSync(deckPath, 'utf8');
  const reference = referenceSlides(markdown);
  const name = basename(deckPath).replace(/\.md$/, '');
  const files: MeasuredDeck['files'] = {};
  const formats: DeckConservation['formats'] = {};

  const html = renderStandaloneHtml(markdown, { deckPath }).html;
  files.html = join(options.outDir, `${name}.html`);
  writeFileSync(files.html, html);
  formats.html = compareOutput(reference, htmlOutput(html), 'html');

  if (options.browser) {
    files.pdf = join(options.outDir, `${name}.pdf`);
    await exportPdf({ browser: options.browser, deckPath, outPath: files.pdf, source: markdown });
    formats.pdf = compareOutput(reference, await pdfOutput(readFileSync(files.pdf)), 'pdf');
  }

  files.pptx = join(options.outDir, `${name}.pptx`);
  const pptx = await exportPptx(parseDeck(markdown, deckPath), { deckPath, outPath: files.pptx });
  formats.pptx = compareOutput(reference, await pptxOutput(readFileSync(files.pptx)), 'pptx');
  return { deck: name, slides: reference.length, formats, pptxWarnings: pptx.warnings, files };
}
