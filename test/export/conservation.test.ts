/**
 * Nothing lost: every word Marp's own rendering shows reaches isdeck's HTML and PDF (100 %)
 * and PowerPoint (≥ 99 %, notes included), for every deck of the Marp-features corpus and the
 * bundled decks; what the PowerPoint export cannot draw is named in a warning. The figures
 * table is printed. How words are counted: test/helpers/conservation.ts.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PdfBrowser } from '../../src/core/export/browser';
import { conservationTable, lossLines, measureDeck, percentKept, type MeasuredDeck, type OutputFormat } from '../helpers/conservation';
import { browser as chromium, needTools } from '../helpers/tools';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'marp-features');
const CORPUS_DECKS = readdirSync(CORPUS)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => join(CORPUS, file));
const DECKS = [...CORPUS_DECKS, join(ROOT, 'decks', 'masterclass-2010-03-24.md'), join(ROOT, 'decks', 'template.md')];

/**
 * KNOWN GAPS: losses this branch cannot close, each owned by another piece of work. The test
 * accepts exactly these losses (and fewer: delete an entry once its owner lands); any other
 * loss fails it.
 */
const KNOWN_GAPS: ReadonlyArray<{ deck: string; format: OutputFormat; slide: number; missing: string[]; owner: string }> = [
  // None today: math in HTML and PDF (KaTeX) and code under a CSS filter in the PDF (printed as
  // text, src/core/export/print-text.ts) were the last, closed by issue 10 item 3.
];

function allowed(deck: string, format: OutputFormat, slide: number): string[] | undefined {
  return KNOWN_GAPS.find((gap) => gap.deck === deck && gap.format === format && gap.slide === slide)?.missing;
}

// The PDF is printed by Chromium; without it (and outside CI) the whole check is skipped with a note.
const tools = needTools([chromium]);
const work = mkdtempSync(join(tmpdir(), 'isdeck-conservation-'));
const results = new Map<string, MeasuredDeck>();
let browser: PdfBrowser | undefined;

beforeAll(async () => {
  if (tools.skip) return;
  tools.assertPresent();
  browser = await launchBrowser();
  for (const deck of DECKS) {
    const result = await measureDeck(deck, { browser, outDir: work });
    results.set(result.deck, result);
  }
  console.log(`Words kept, by deck and format (Marp's rendering is the reference):\n${conservationTable([...results.values()])}`);
  const losses = [...results.values()].flatMap(lossLines);
  if (losses.length > 0) console.log(`Losses:\n${losses.join('\n')}`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

function result(name: string): MeasuredDeck {
  const found = results.get(name);
  if (!found) throw new Error(`${name} was not measured`);
  return found;
}

const names = DECKS.map((deck) => deck.split('/').at(-1)!.replace(/\.md$/, ''));

describe.skipIf(tools.skip).each(names)('%s', (name) => {
  it.each(['html', 'pdf'] as const)('keeps every word in %s, but the known gaps', (format) => {
    const figures = result(name).formats[format]!;
    expect(figures.countMismatch).toBeUndefined();
    for (const loss of figures.losses) {
      const gap = allowed(name, format, loss.slide);
      if (gap?.[0] === '*') continue;
      expect(loss.missing, `${format} slide ${loss.slide}`).toEqual(gap ?? []);
    }
  });

  it('keeps at least 99 % of the words and notes in PPTX', () => {
    const figures = result(name).formats.pptx!;
    expect(figures.countMismatch).toBeUndefined();
    expect(percentKept(figures), lossLines(result(name)).join('\n')).toBeGreaterThanOrEqual(99);
  });

  it('names each cause of a PPTX warning once', () => {
    const messages = result(name).pptxWarnings.map((warning) => `${warning.slide} ${warning.message}`);
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe.skipIf(tools.skip)('PPTX warnings name what is not drawn, where and why', () => {
  const warnings = (name: string) => result(name).pptxWarnings.map((warning) => [warning.slide, warning.line, warning.message]);

  it('names a foreign theme once, and each foreign class once with its slides', () => {
    expect(warnings('gaia-images').filter(([, , message]) => !String(message).startsWith('Picture'))).toEqual([
      [1, 3, 'Theme `gaia` is not the house theme: its colours, fonts and layouts are not carried over; every slide is drawn on the house master.'],
      [1, 4, 'Slide class `lead` is not a house slide type; slides 1, 3–9 are exported as content slides.'],
      [1, 6, 'Directive `backgroundColor` is not carried over to PowerPoint: the slides keep the house look.'],
      [2, 17, 'Slide class `gaia` is not a house slide type; slide 2 is exported as a content slide.'],
      [10, 97, 'Slide class `invert` is not a house slide type; slide 10 is exported as a content slide.'],
    ]);
  });

  it('names each picture filter PowerPoint does not draw, at the picture', () => {
    const filters = warnings('gaia-images').filter(([, , message]) => String(message).startsWith('Picture'));
    expect(filters).toHaveLength(11);
    expect(filters[0]).toEqual([8, 80, 'Picture sunrise.png: `blur` filter is not drawn in PowerPoint; the picture is shown without it.']);
    expect(filters.at(-1)).toEqual([9, 89, 'Picture teal.png: `grayscale`, `blur` filters are not drawn in PowerPoint; the picture is shown without them.']);
    expect(filters.some(([, , message]) => String(message).includes('`opacity`'))).toBe(false);
  });

  it('names the styling directives once each, at their first use', () => {
    expect(warnings('default-directives').filter(([, , message]) => String(message).startsWith('Directive'))).toEqual([
      [1, 16, 'Directive `style` is not carried over to PowerPoint: the slides keep the house look.'],
      [3, 41, 'Directive `backgroundColor` is not carried over to PowerPoint: the slides keep the house look.'],
      [3, 42, 'Directive `color` (and 1 more) is not carried over to PowerPoint: the slides keep the house look.'],
      [5, 67, 'Directive `_backgroundImage` (and 1 more) is not carried over to PowerPoint: the background it sets is not drawn (a `![bg](…)` picture is).'],
      [5, 68, 'Directive `_backgroundPosition` is not carried over to PowerPoint: the slides keep the house look.'],
      [5, 69, 'Directive `_backgroundRepeat` is not carried over to PowerPoint: the slides keep the house look.'],
      [5, 70, 'Directive `_backgroundSize` is not carried over to PowerPoint: the slides keep the house look.'],
    ]);
  });

  it('says nothing about a house deck that uses only what PowerPoint draws', () => {
    expect(warnings('house-features')).toEqual([]);
    expect(warnings('masterclass-2010-03-24')).toEqual([]);
  });
});
