import { plainRuns } from './runs';
import { rangeOf } from './source-text';
import type { TableCell } from './types';

/**
 * A table row's cells as the source writes them, each with its exact range, split as
 * markdown-it does (on `|` not escaped with `\\`). Empty cells are kept, so columns line up.
 * `text` (and `runs`) start as the written text; the model replaces them with the rendered text.
 */
export function sourceCells(lines: readonly string[], line: number): TableCell[] {
  const text = lines[line - 1] ?? '';
  // Indentation and blockquote markers (`> | a | b |`) stand before the row, not in a cell.
  const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(text)?.[0].length ?? 0;
  const pieces = splitOnPipes(text, prefix);
  if (pieces.length > 0 && pieces[0]!.text.trim() === '') pieces.shift();
  if (pieces.length > 0 && pieces.at(-1)!.text.trim() === '') pieces.pop();
  return pieces.map(({ text: piece, start }) => {
    const lead = piece.length - piece.trimStart().length;
    const raw = piece.trim();
    const range =
      raw === ''
        ? rangeOf(line, start + 1, line, start + 1 + piece.length)
        : rangeOf(line, start + lead + 1, line, start + lead + 1 + raw.length);
    return { raw, text: raw, runs: plainRuns(raw), range };
  });
}

function splitOnPipes(text: string, from: number): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  let start = from;
  for (let at = from; at < text.length; at++) {
    if (text[at] === '|' && text[at - 1] !== '\\') {
      pieces.push({ text: text.slice(start, at), start });
      start = at + 1;
    }
  }
  pieces.push({ text: text.slice(start), start });
  return pieces;
}

