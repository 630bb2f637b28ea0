import { rangeOf } from '../../deck/source-text';
import type { Deck, Slide, SourceRange, TextSpan } from '../../deck/types';

/** The source text a one-line range covers. */
export function sourceOf(lines: readonly string[], range: SourceRange): string {
  if (range.line !== range.endLine) return '';
  return (lines[range.line - 1] ?? '').slice(range.column - 1, range.endColumn - 1);
}

/**
 * The range and source text of a one-line span (a paragraph line or a heading) less a trailing
 * backslash hard break, so that an edit keeps the line's own break. Undefined for a span that
 * runs over several lines.
 */
export function editableSpan(lines: readonly string[], span: TextSpan): { range: SourceRange; source: string } | undefined {
  const { range } = span;
  if (range.line !== range.endLine) return undefined;
  let source = sourceOf(lines, range);
  let endColumn = range.endColumn;
  if (source.endsWith('\\')) {
    source = source.slice(0, -1).trimEnd();
    endColumn = range.column + source.length;
  }
  return { range: rangeOf(range.line, range.column, range.line, endColumn), source };
}

/** Whether a 1-based line is missing or holds only white space. */
export function isBlankLine(lines: readonly string[], line: number): boolean {
  return (lines[line - 1] ?? '').trim() === '';
}

/**
 * The range that deletes lines `firstLine`…`lastLine` whole, inside the file: up to the start
 * of the next line, or, for the last lines of the file, from the end of the line before them
 * (so no empty last line is left, and no range runs past the end).
 */
export function wholeLines(lines: readonly string[], firstLine: number, lastLine: number): SourceRange {
  if (lastLine < lines.length) return rangeOf(firstLine, 1, lastLine + 1, 1);
  const lastLength = (lines[lastLine - 1] ?? '').length;
  if (firstLine === 1) return rangeOf(1, 1, lastLine, lastLength + 1);
  return rangeOf(firstLine - 1, (lines[firstLine - 2] ?? '').length + 1, lastLine, lastLength + 1);
}

/** Whether the slide's class is set on the slide itself (`_class`, or `class` written on it), not inherited. */
export function setsOwnClass(slide: Slide): boolean {
  return slide.classDirective !== undefined && slide.directives.includes(slide.classDirective);
}

/**
 * Whether the deck sets `headingDivider`: then a heading starts a slide, so a heading inserted
 * by a fix would split one, and a comment inserted before a heading lands on the slide before.
 */
export function dividesAtHeadings(deck: Deck): boolean {
  return deck.directives.some((directive) => directive.name === 'headingDivider');
}
