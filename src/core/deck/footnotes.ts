import { rangeOf } from './source-text';
import type { FootnoteMarker, Slide, SourceRange } from './types';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** `¹`, `²³` or `<sup>1</sup>`: the forms docs/house-structure.md §3 allows. */
const MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|<sup>\s*(\d+)\s*<\/sup>/g;
const MAY_HOLD_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]|<sup>/;

export function normaliseMarker(raw: string): string {
  const sup = /<sup>\s*(\d+)\s*<\/sup>/.exec(raw);
  if (sup?.[1]) return sup[1];
  return [...raw].map((ch) => String(SUPERSCRIPT_DIGITS.indexOf(ch))).join('');
}

/**
 * Finds footnote markers and source lines on a slide. A source line is a paragraph line
 * that starts with a marker; every other marker in the slide's text is a use.
 */
export function findFootnotes(
  lines: readonly string[],
  slide: Slide,
  firstLine: number,
  lastLine: number,
): { markers: FootnoteMarker[]; sources: FootnoteMarker[] } {
  const markers: FootnoteMarker[] = [];
  const sources: FootnoteMarker[] = [];
  const candidates: number[] = [];
  for (let line = firstLine; line <= lastLine; line++) if (MAY_HOLD_MARKER.test(lines[line - 1] ?? '')) candidates.push(line);
  if (candidates.length === 0) return { markers, sources };
  const paragraphLines = new Set(slide.paragraphs.flatMap((paragraph) => paragraph.lines.map((line) => line.range.line)));
  const inNote = insideNotes(slide.notes.map((note) => note.range));
  for (const line of candidates) {
    const text = lines[line - 1] ?? '';
    const indent = text.length - text.trimStart().length;
    for (const match of text.matchAll(MARKER)) {
      const column = (match.index ?? 0) + 1;
      if (inNote(line, column)) continue;
      const found = { marker: normaliseMarker(match[0]), range: rangeOf(line, column, line, column + match[0].length) };
      const isSource = paragraphLines.has(line) && match.index === indent;
      (isSource ? sources : markers).push(found);
    }
  }
  return { markers, sources };
}

/**
 * Whether a position (asked in source order) lies inside one of the ranges (presenter notes,
 * in source order): a marker in a note is not a footnote. One sweep over both.
 */
function insideNotes(ranges: readonly SourceRange[]): (line: number, column: number) => boolean {
  let next = 0;
  const before = (line: number, column: number, endLine: number, endColumn: number) => line < endLine || (line === endLine && column < endColumn);
  return (line, column) => {
    while (next < ranges.length && !before(line, column, ranges[next]!.endLine, ranges[next]!.endColumn)) next++;
    const range = ranges[next];
    return range !== undefined && !before(line, column, range.line, range.column);
  };
}
