import { writePng } from '../helpers/png';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config/schema';
import { parseDeck } from '../../src/core/deck/parse';
import type { Deck, List, Slide } from '../../src/core/deck/types';
import { exportPptx } from '../../src/core/export/pptx';
import { importPresentation, type ImportResult } from '../../src/core/import/import';
import { nodeEnvironment } from '../../src/core/lint/node-environment';
import { lintDeck } from '../../src/core/lint/lint';
import { allRules } from '../../src/core/rules';

/**
 * A word as the round trip compares them: a run of text between spaces, without the
 * punctuation around it (Markdown's `**`, an en dash standing alone, a table's pipes).
 */
export function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}

function listTexts(list: List): string[] {
  return list.items.flatMap((item) => [item.text, ...item.children.flatMap(listTexts)]);
}

/** Every word a slide shows: headings, paragraphs (footnote sources included), lists, tables, quotes, alt text. */
export function slideWords(slide: Slide): string[] {
  const texts = [
    ...slide.headings.map((heading) => heading.text),
    ...slide.paragraphs.map((paragraph) => paragraph.text),
    ...slide.lists.flatMap(listTexts),
    ...slide.tables.flatMap((table) => [table.header, ...table.rows].flatMap((row) => row.cells.map((cell) => cell.text))),
    ...slide.blockquotes.map((quote) => quote.text),
    ...slide.images.map((image) => image.alt),
  ];
  return texts.flatMap(words).sort();
}

export function noteWords(slide: Slide): string[] {
  return slide.notes.flatMap((note) => words(note.text)).sort();
}

export const defaultLint = (root: string) => ({ config: resolveConfig(allRules, []), environment: nodeEnvironment(root) });

/** Rule ids of a deck's problems, inline `isdeck-disable` comments not applied (a PowerPoint file cannot carry them). */
export function ruleIds(deck: Deck, root: string): string[] {
  return lintDeck({ ...deck, inlineConfig: [] }, defaultLint(root))
    .map((problem) => problem.ruleId)
    .sort();
}

export interface RoundTrip {
  original: Deck;
  imported: Deck;
  result: ImportResult;
}

/** `export --pptx` then import, in a folder of its own; the folder is removed after. */
export async function roundTrip(deckPath: string, through?: (pptx: string, work: string) => Promise<string>): Promise<RoundTrip> {
  const work = mkdtempSync(join(tmpdir(), 'isdeck-import-'));
  try {
    const original = parseDeck(readFileSync(deckPath, 'utf8'), deckPath);
    const pptx = join(work, 'deck.pptx');
    await exportPptx(original, { deckPath, outPath: pptx });
    const read = through ? await through(pptx, work) : pptx;
    const out = join(work, 'out', 'deck.md');
    const result = importPresentation(readFileSync(read), { name: 'deck', deckPath: out, lint: defaultLint(work) });
    return { original, imported: parseDeck(result.markdown, out), result };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A small PNG, made here rather than stored: `width` × `height` pixels of one colour. */
export function tinyPng(width = 4, height = 3): Buffer {
  return writePng(width, height, () => Buffer.alloc(width * 3, 0x70));
}
