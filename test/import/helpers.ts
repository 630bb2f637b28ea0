import { deflateSync } from 'node:zlib';
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
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x70)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
