import type { SourceRange } from './types';

const BYTE_ORDER_MARK = '\uFEFF';

/** Drops a leading byte-order mark: editors do not count it as a column. */
export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** Splits on LF, CRLF and CR alike, as markdown-it normalises them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function rangeOf(line: number, column: number, endLine: number, endColumn: number): SourceRange {
  return { line, column, endLine, endColumn };
}

/** The range of a whole line's text less its indentation and trailing white space (1-based line). */
export function lineContentRange(lines: readonly string[], line: number): SourceRange {
  const text = lines[line - 1] ?? '';
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return rangeOf(line, start + 1, line, Math.max(end, start) + 1);
}

/** The range from the start of one line's content to the end of another's. */
export function blockRange(lines: readonly string[], firstLine: number, lastLine: number): SourceRange {
  const first = lineContentRange(lines, firstLine);
  const last = lineContentRange(lines, lastLine);
  return rangeOf(first.line, first.column, last.endLine, last.endColumn);
}

/** The range of `needle` on a line at or after `fromColumn` (1-based), or the line's content. */
export function findOnLine(lines: readonly string[], line: number, needle: string, fromColumn = 1): SourceRange {
  const text = lines[line - 1] ?? '';
  const at = needle === '' ? -1 : text.indexOf(needle, fromColumn - 1);
  if (at < 0) return lineContentRange(lines, line);
  return rangeOf(line, at + 1, line, at + 1 + needle.length);
}

/** An empty range at the start of a line: where an insertion goes. */
export function lineStart(line: number): SourceRange {
  return rangeOf(line, 1, line, 1);
}

/** Converts 0-based character offsets in `text` to a range (used with YAML node offsets). */
export function offsetsToRange(lineStarts: readonly number[], start: number, end: number, lineOffset = 0): SourceRange {
  const from = offsetToPosition(lineStarts, start);
  const to = offsetToPosition(lineStarts, end);
  return rangeOf(from.line + lineOffset, from.column, to.line + lineOffset, to.column);
}

export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function offsetToPosition(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

/** Converts a 1-based line and column to an offset into `text` whose line starts are given. */
export function positionToOffset(lineStarts: readonly number[], line: number, column: number): number {
  const start = lineStarts[line - 1];
  if (start === undefined) return lineStarts.length === 0 ? 0 : Number.MAX_SAFE_INTEGER;
  return start + column - 1;
}

/**
 * The text with each lone surrogate (half of a UTF-16 pair, which UTF-8 cannot hold) replaced
 * by U+FFFD, one code unit for one, so every offset stays where it was. Marp's heading slugs
 * go through `encodeURI`, which throws "URI malformed" on a lone surrogate.
 */
export function wellFormed(text: string): string {
  if (!/[\ud800-\udfff]/.test(text)) return text;
  let result = '';
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0xd800 || code > 0xdfff) continue;
    const paired = code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
    if (paired) {
      at++;
      continue;
    }
    result += `${text.slice(from, at)}\ufffd`;
    from = at + 1;
  }
  return result + text.slice(from);
}

/** The range with each end moved inside the text: a line that exists, a column at most one past its end. */
export function clampRange(lines: readonly string[], range: SourceRange): SourceRange {
  const clamp = (line: number, column: number) => {
    const inside = Math.min(Math.max(line, 1), Math.max(lines.length, 1));
    return { line: inside, column: Math.min(Math.max(column, 1), (lines[inside - 1] ?? '').length + 1) };
  };
  const start = clamp(range.line, range.column);
  const end = clamp(range.endLine, range.endColumn);
  const ordered = end.line > start.line || (end.line === start.line && end.column >= start.column);
  return ordered ? rangeOf(start.line, start.column, end.line, end.column) : rangeOf(start.line, start.column, start.line, start.column);
}
