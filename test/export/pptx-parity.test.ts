/**
 * The PowerPoint export against the house PDF, measured: every slide of the seed deck, the
 * template and the fixture with every slide type, at 16:9 and at 4:3, is exported both ways
 * (PDF by isdeck with real Chromium, PPTX by isdeck and drawn by LibreOffice), both PDFs are
 * drawn by pdftoppm at one size, and each pair of pages is scored with the structural
 * similarity index (ssim.js). The table of scores is printed; the thresholds are set from what
 * was measured (docs/decisions.md, "PowerPoint parity, measured").
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { PROJECT_ROOT, runCli } from '../helpers/cli';
import { convertToPdf } from '../helpers/office';
import { renderPages, similarity } from '../helpers/parity';
import { browser, needTools, pdftoppm, soffice } from '../helpers/tools';

/**
 * Lowest score a slide may have, lowest mean a deck may have, and lowest mean of each slide type
 * over the six decks: each a little under what was measured (docs/decisions.md, "PowerPoint
 * parity, measured"), so a change that draws a slide type less like the PDF fails here. Chart
 * slides score lowest by design: LibreOffice draws the native chart, and long text goes beside it.
 */
const SLIDE_MINIMUM = 0.42;
const DECK_MEAN_MINIMUM = 0.74;
const TYPE_MEAN_MINIMUM: Record<string, number> = {
  discussion: 0.92,
  cover: 0.82,
  'benefits-risks': 0.78,
  quote: 0.77,
  content: 0.78,
  statistics: 0.76,
  spectrum: 0.69,
  models: 0.68,
  chart: 0.52,
};

/** Pages are compared 640 px wide (360 or 480 high): enough for the layout, little for the anti-aliasing of text. */
const WIDTH = 640;

const SOURCES = [
  join(PROJECT_ROOT, 'decks', 'masterclass-2010-03-24.md'),
  join(PROJECT_ROOT, 'decks', 'template.md'),
  join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'every-type.md'),
];
const SIZES = ['16:9', '4:3'] as const;
const HEIGHT = { '16:9': 360, '4:3': 480 } as const;

/** The deck's text at `size` (front-matter `size` set or replaced). */
function atSize(text: string, size: string): string {
  return /^size:.*$/m.test(text) ? text.replace(/^size:.*$/m, `size: ${size}`) : text.replace(/^marp: true$/m, `marp: true\nsize: ${size}`);
}

interface Score {
  deck: string;
  size: string;
  slide: number;
  type: string;
  score: number;
}

const tools = needTools([browser, soffice, pdftoppm]);

describe.skipIf(tools.skip)('PPTX drawn by LibreOffice against the house PDF', () => {
  const work = mkdtempSync(join(tmpdir(), 'isdeck-parity-'));
  const scores: Score[] = [];
  const pageCounts: { deck: string; pdf: number; pptx: number; slides: number }[] = [];
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    tools.assertPresent();
    const decks = SOURCES.flatMap((source) =>
      SIZES.map((size) => {
        const name = `${basename(source, '.md')}-${size.replace(':', 'x')}`;
        const file = join(work, `${name}.md`);
        writeFileSync(file, atSize(readFileSync(source, 'utf8'), size));
        return { name, file, size };
      }),
    );
    const out = join(work, 'out');
    mkdirSync(out);
    const exported = await runCli(['export', '--pdf', '--pptx', '--out', out, ...decks.map((deck) => deck.file)], { cwd: work, timeoutMs: 150_000 });
    expect(exported.code, exported.stderr).toBe(0);
    const office = join(work, 'office');
    await convertToPdf(
      decks.map((deck) => join(out, `${deck.name}.pptx`)),
      office,
    );
    const pictures = join(work, 'pictures');
    mkdirSync(pictures);
    for (const deck of decks) {
      const model = parseDeck(readFileSync(deck.file, 'utf8'), deck.file);
      const house = await renderPages(join(out, `${deck.name}.pdf`), pictures, `${deck.name}-pdf`, WIDTH, HEIGHT[deck.size]);
      const drawn = await renderPages(join(office, `${deck.name}.pdf`), pictures, `${deck.name}-pptx`, WIDTH, HEIGHT[deck.size]);
      pageCounts.push({ deck: deck.name, pdf: house.length, pptx: drawn.length, slides: model.slides.length });
      house.forEach((page, index) => {
        const other = drawn[index];
        if (!other) return;
        const slide = model.slides[index]!;
        scores.push({ deck: deck.name, size: deck.size, slide: index + 1, type: slide.type ?? 'content', score: similarity(page, other) });
      });
    }
    console.log(scoreTable(scores));
  }, 300_000);

  it('draws one page a slide both ways', () => {
    expect(pageCounts).toHaveLength(SOURCES.length * SIZES.length);
    for (const count of pageCounts) expect(count, count.deck).toEqual({ deck: count.deck, pdf: count.slides, pptx: count.slides, slides: count.slides });
  });

  it(`scores every slide at least ${SLIDE_MINIMUM} and every deck at least ${DECK_MEAN_MINIMUM} on average`, () => {
    expect(scores.length).toBeGreaterThan(100);
    expect(scores.filter((score) => score.score < SLIDE_MINIMUM).map(label)).toEqual([]);
    for (const deck of new Set(scores.map((score) => score.deck))) {
      const own = scores.filter((score) => score.deck === deck);
      expect(mean(own), deck).toBeGreaterThanOrEqual(DECK_MEAN_MINIMUM);
    }
  });

  it('scores each slide type at least its measured mean, less a margin', () => {
    const types = [...new Set(scores.map((score) => score.type))].sort();
    expect(types).toEqual(Object.keys(TYPE_MEAN_MINIMUM).sort());
    for (const type of types) expect(mean(scores.filter((score) => score.type === type)), type).toBeGreaterThanOrEqual(TYPE_MEAN_MINIMUM[type]!);
  });
});

function mean(scores: readonly Score[]): number {
  return scores.reduce((sum, score) => sum + score.score, 0) / scores.length;
}

function label(score: Score): string {
  return `${score.deck} slide ${score.slide} (${score.type}): ${score.score.toFixed(3)}`;
}

function summaryLine(name: string, scores: readonly Score[]): string {
  return `${name.padEnd(36)} mean ${mean(scores).toFixed(3)}, lowest ${Math.min(...scores.map((score) => score.score)).toFixed(3)}`;
}

/** One line a slide, then each deck's and each slide type's mean and lowest score. */
function scoreTable(scores: readonly Score[]): string {
  const lines = ['PPTX (LibreOffice) against PDF (Chromium), structural similarity a slide:', 'deck                                slide  type             SSIM'];
  for (const score of scores) lines.push(`${score.deck.padEnd(36)}${String(score.slide).padStart(5)}  ${score.type.padEnd(16)} ${score.score.toFixed(3)}`);
  for (const deck of new Set(scores.map((score) => score.deck))) {
    lines.push(summaryLine(deck, scores.filter((score) => score.deck === deck)));
  }
  for (const type of new Set(scores.map((score) => score.type))) lines.push(summaryLine(type, scores.filter((score) => score.type === type)));
  return lines.join('\n');
}
