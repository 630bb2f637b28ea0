import { rangeOf } from './source-text';
import type { FootnoteMarker, Slide } from './types';

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
  const noteLines = new Set(slide.notes.flatMap((note) => lineNumbers(note.range.line, note.range.endLine)));
  for (const line of candidates) {
    if (noteLines.has(line)) continue;
    const text = lines[line - 1] ?? '';
    const indent = text.length - text.trimStart().length;
    for (const match of text.matchAll(MARKER)) {
      const column = (match.index ?? 0) + 1;
      const found = { marker: normaliseMarker(match[0]), range: rangeOf(line, column, line, column + match[0].length) };
      const isSource = paragraphLines.has(line) && match.index === indent;
      (isSource ? sources : markers).push(found);
    }
  }
  return { markers, sources };
}

function lineNumbers(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}
