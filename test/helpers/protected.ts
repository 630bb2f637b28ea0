import { tokenize } from '../../src/core/deck/parse';
import { protectedIntervals } from '../../src/core/deck/prose';
import { splitLines, stripByteOrderMark } from '../../src/core/deck/source-text';
import type { Deck } from '../../src/core/deck/types';

/** The text with each prose span cut out, the cuts marked: what the text rules must leave alone, byte for byte. */
export function skeleton(deck: Deck): string {
  const pieces: string[] = [];
  let line = 1;
  let column = 1;
  const take = (toLine: number, toColumn: number) => {
    for (; line < toLine; line++, column = 1) pieces.push((deck.lines[line - 1] ?? '').slice(column - 1), '\n');
    pieces.push((deck.lines[line - 1] ?? '').slice(column - 1, toColumn - 1));
    column = toColumn;
  };
  for (const span of deck.prose) {
    take(span.range.line, span.range.column);
    pieces.push('\u0000');
    column = span.range.endColumn;
  }
  take(deck.lines.length, (deck.lines.at(-1) ?? '').length + 1);
  return pieces.join('');
}

const BLOCK_TYPES = new Set(['fence', 'code_block', 'marpit_style']);
const CODE_SPAN = /(`+)[^`]+?\1/g;
const IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/g;

/**
 * What no fix may change, found independently of the model: code blocks and `<style>`
 * elements (their lines, from Marp's tokens), and on other lines inline code, images, and
 * math, tags and addresses. Small test decks only: these patterns are not for hostile text.
 */
export function protectedChunks(text: string): string[] {
  const lines = splitLines(stripByteOrderMark(text));
  const blockLines = new Set<number>();
  const chunks: Array<{ at: number; text: string }> = [];
  const lineStarts: number[] = [];
  lines.reduce((offset, line) => (lineStarts.push(offset), offset + line.length + 1), 0);
  for (const token of tokenize(stripByteOrderMark(text))) {
    if (!BLOCK_TYPES.has(token.type) || !token.map) continue;
    const [start, end] = token.map;
    for (let line = start; line < end; line++) blockLines.add(line);
    chunks.push({ at: lineStarts[start]!, text: lines.slice(start, end).join('\n') });
  }
  lines.forEach((line, index) => {
    if (blockLines.has(index)) return;
    const found: Array<[number, number]> = [];
    for (const pattern of [CODE_SPAN, IMAGE]) for (const match of line.matchAll(pattern)) found.push([match.index!, match.index! + match[0].length]);
    // Comments are directives and notes, which structural fixes may change; they are not in this list.
    for (const interval of protectedIntervals(line)) if (!line.startsWith('<!--', interval[0])) found.push(interval);
    for (const [from, to] of union(found)) chunks.push({ at: lineStarts[index]! + from, text: line.slice(from, to) });
  });
  return chunks.sort((a, b) => a.at - b.at).map((chunk) => chunk.text);
}

/** Overlapping intervals merged, sorted. */
function union(intervals: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [from, to] of intervals.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The chunks that are not found, in order, in `text`. */
export function missingChunks(chunks: readonly string[], text: string): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const chunk of chunks) {
    const at = text.indexOf(chunk, from);
    if (at < 0) missing.push(chunk);
    else from = at + chunk.length;
  }
  return missing;
}
