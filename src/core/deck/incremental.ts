import { isUnclosedBlock } from './blocks';
import { checkDeckBudgets } from './budgets';
import type { MarkdownToken } from './markdown-token';
import { buildDeck, refusedDeck, tokenizeSlides } from './parse';
import { splitLines, stripByteOrderMark } from './source-text';
import type { Deck } from './types';

/** Marp tokens of one slide, with the 0-based line of its first line (the `---` for slides after the first). */
interface SlideTokens {
  startLine: number;
  tokens: MarkdownToken[];
}

interface ParseState {
  file: string | undefined;
  lines: string[];
  slides: SlideTokens[];
}

/**
 * Re-parses a deck as it is edited, the editor's case. Marp's parse of a whole deck grows
 * faster than the deck (its slide splitting copies the token list for every slide), so after
 * the first parse only the slides an edit touched are parsed again, with the same Marp
 * instance, and spliced between the unchanged slides. The slide boundaries come from Marp's
 * own previous parse, never from a pattern of ours. Whenever an edit could change how text
 * outside those slides parses (an unclosed fence, comment or `$$` block, a paragraph that would turn
 * the next `---` into a heading underline, a `headingDivider`), it parses the whole deck.
 */
export class IncrementalDeckParser {
  private state: ParseState | undefined;

  parse(text: string, file?: string): Deck {
    const source = stripByteOrderMark(text);
    const lines = splitLines(source);
    const refused = checkDeckBudgets(lines);
    if (refused) {
      this.state = undefined;
      return refusedDeck(source, lines, file, refused);
    }
    const slides = this.reuse(lines, file) ?? slidesOf(tokenizeSlides(source));
    this.state = { file, lines, slides };
    return buildDeck(source, lines, slides.map((slide) => slide.tokens), file);
  }

  /** The new slide tokens from the previous parse and a re-parse of the changed slides, or undefined. */
  private reuse(lines: string[], file: string | undefined): SlideTokens[] | undefined {
    const previous = this.state;
    if (!previous || previous.file !== file || previous.slides.length === 0) return undefined;
    if (lines.some(mentionsHeadingDivider) || previous.lines.some(mentionsHeadingDivider)) return undefined;
    const change = changedLines(previous.lines, lines);
    if (!change) return previous.slides;
    const first = slideAt(previous.slides, change.firstOld);
    const last = slideAt(previous.slides, Math.max(change.endOld - 1, change.firstOld));
    // A slide after the first is parsed from the line after its `---`; an edit on that line
    // (or on the next slide's `---`) takes the neighbouring slide in too.
    const from = first > 0 && change.firstOld <= (previous.slides[first]?.startLine ?? 0) ? first - 1 : first;
    const nextStart = previous.slides[last + 1]?.startLine;
    const to = nextStart !== undefined && change.endOld > nextStart ? last + 1 : last;
    const delta = lines.length - previous.lines.length;
    const chunkStart = from === 0 ? 0 : (previous.slides[from]?.startLine ?? 0) + 1;
    const oldChunkEnd = previous.slides[to + 1]?.startLine ?? previous.lines.length;
    const chunkEnd = oldChunkEnd + delta;
    // An emptied chunk would leave the next slide's `---` where it may read differently (as
    // front-matter when it becomes the first line): parse the whole deck.
    if (chunkEnd <= chunkStart || !isSafeBoundary(lines, chunkStart, chunkEnd, from > 0)) return undefined;
    const chunk = reparse(lines, chunkStart, chunkEnd, from === 0 ? undefined : (previous.slides[from]?.startLine ?? 0));
    if (!chunk || opensPastChunk(chunk, lines, chunkEnd)) return undefined;
    const after = previous.slides.slice(to + 1).map((slide) => shift(slide, delta));
    return [...previous.slides.slice(0, from), ...chunk, ...after];
  }
}

function slidesOf(groups: MarkdownToken[][]): SlideTokens[] {
  return groups.map((tokens) => ({ startLine: tokens[0]?.map?.[0] ?? 0, tokens }));
}

const mentionsHeadingDivider = (line: string) => line.includes('headingDivider');

/** The first changed line and the end (exclusive) of the changed lines in the old text, or undefined if equal. */
function changedLines(before: readonly string[], after: readonly string[]): { firstOld: number; endOld: number } | undefined {
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  if (prefix === before.length && prefix === after.length) return undefined;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { firstOld: prefix, endOld: before.length - suffix };
}

/** The index of the slide that holds a 0-based line. */
function slideAt(slides: readonly SlideTokens[], line: number): number {
  let index = 0;
  while (index + 1 < slides.length && (slides[index + 1]?.startLine ?? 0) <= line) index++;
  return index;
}

/**
 * A chunk may end just before the next slide's `---` only if that line still reads as a slide
 * break whatever the chunk holds: unindented (an indented one could belong to a list item) and
 * after a blank line (after a paragraph line it would be a heading underline). A chunk that
 * starts after a `---` must not itself start with `---`, which Marp would take for front-matter.
 */
function isSafeBoundary(lines: readonly string[], chunkStart: number, chunkEnd: number, afterBreak: boolean): boolean {
  if (afterBreak && /^\s*---/.test(lines[chunkStart] ?? '')) return false;
  if (chunkEnd >= lines.length) return true;
  return (lines[chunkEnd - 1] ?? '').trim() === '' && !/^\s/.test(lines[chunkEnd] ?? '');
}

/**
 * Parses lines [start, end) alone, its maps moved to absolute lines. A chunk after the first
 * slide starts after a `---`: its first slide starts at that line (`breakLine`), as Marp maps it.
 */
function reparse(lines: readonly string[], start: number, end: number, breakLine: number | undefined): SlideTokens[] | undefined {
  const text = lines.slice(start, end).join('\n');
  const groups = tokenizeSlides(text);
  for (const tokens of groups) for (const token of tokens) shiftMap(token, start);
  const slides = slidesOf(groups);
  const first = slides[0];
  if (!first) return undefined;
  if (breakLine === undefined) return slides;
  first.startLine = breakLine;
  const open = first.tokens[0];
  if (open?.map) open.map = [breakLine, open.map[1]];
  return slides;
}

/**
 * Front-matter, a fence, comment or `<style>` that is not closed runs to the end of the chunk;
 * in the whole deck it would run on and swallow the slides after it.
 */
function opensPastChunk(slides: readonly SlideTokens[], lines: readonly string[], chunkEnd: number): boolean {
  if (chunkEnd >= lines.length) return false;
  return slides.some((slide) => slide.tokens.some((token) => isUnclosedBlock(token, lines)));
}

function shift(slide: SlideTokens, delta: number): SlideTokens {
  if (delta === 0) return slide;
  for (const token of slide.tokens) shiftMap(token, delta);
  return { startLine: slide.startLine + delta, tokens: slide.tokens };
}

function shiftMap(token: MarkdownToken, delta: number): void {
  if (token.map) token.map = [token.map[0] + delta, token.map[1] + delta];
  for (const child of token.children ?? []) if (child.map) child.map = [child.map[0] + delta, child.map[1] + delta];
}
