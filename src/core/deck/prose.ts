/**
 * Prose: the text of a deck a reader reads as words, with its exact place in the source.
 *
 * markdown-it gathers plain text in its inline parser's `pending` buffer and flushes it as a
 * `text` token; every other construct (code, links' targets, images, autolinks, escapes,
 * entities, comments, math) becomes a token of its own. The deck parser's Marp instance
 * tracks where in the inline source each piece of `pending` came from, so a text token
 * knows its source offsets. A span is prose when it came from `pending`, stands in a
 * paragraph, heading or table cell, and is not math, an HTML tag or a URL written as text.
 * Text rules (uk-spelling) read and edit prose only; everything else is protected.
 */
import type { MarkdownToken } from './markdown-token';
import { rangeOf } from './source-text';
import type { TextSpan } from './types';

/** Offsets `[start, end)` into an inline token's `content`. */
export type Interval = [number, number];

/** Where an inline token's prose came from, kept in its `meta` by the tracking parser. */
const PROSE_META = 'isdeckProse';
/** Where an inline token's shown text came from: its prose and the HTML tags typed in it. */
const SHOWN_META = 'isdeckShown';
/** Offset in the inline source of a comment inside a paragraph, kept in its `meta`. */
export const OFFSET_META = 'isdeckOffset';

interface InlineStateLike {
  src: string;
  pos: number;
  posMax: number;
  level: number;
  pending: string;
  md: { options: { maxNesting: number } };
  push(type: string, tag: string, nesting: number): { type: string; meta: Record<string, unknown> | null };
  pushPending(): { content: string; meta: Record<string, unknown> | null };
}

type InlineStateClass = new (...args: never[]) => InlineStateLike;
type InlineRule = (state: InlineStateLike, silent: boolean) => boolean;

interface TrackableMarkdown {
  inline: { State: InlineStateClass; ruler: { getRules(chain: string): InlineRule[] }; tokenize(state: InlineStateLike): void };
  core: { ruler: { after(name: string, rule: string, fn: (state: { tokens: MarkdownToken[] }) => void): void } };
}

/**
 * An inline parser state that knows where the text in `pending` came from. markdown-it only
 * ever appends to `pending` a copy of the source at the position its tokenizer is trying (the
 * `text` and backtick rules, and the one-character fallback), and only cuts it from the end;
 * the length alone says how much, so `pending` is never read here (reading a string built by
 * `+=` would copy it every time).
 */
class TrackingState {
  /** Where the tokenizer's current step started. */
  stepStart = 0;
  /** Source intervals of the characters now in `pending`, in order. */
  pieces: Interval[] = [];
  buffer = '';
  /** Source intervals of all text flushed from `pending` so far: the inline's prose before protections. */
  readonly flushed: Interval[] = [];

  setPending(value: string): void {
    const before = this.buffer.length;
    this.buffer = value;
    if (value.length === 0) this.pieces = [];
    else if (value.length > before) this.append(this.stepStart, value.length - before);
    else if (value.length < before) this.cut(value.length);
  }

  private append(start: number, length: number): void {
    const last = this.pieces.at(-1);
    if (last && last[1] === start) last[1] = start + length;
    else this.pieces.push([start, start + length]);
  }

  private cut(length: number): void {
    let kept = 0;
    const pieces: Interval[] = [];
    for (const [start, end] of this.pieces) {
      if (kept >= length) break;
      const take = Math.min(end - start, length - kept);
      pieces.push([start, start + take]);
      kept += take;
    }
    this.pieces = pieces;
  }
}

/** Whether `pieces` of `src`, joined, are exactly `text`. */
function copiesOf(src: string, pieces: readonly Interval[], text: string): boolean {
  let offset = 0;
  for (const [start, end] of pieces) {
    if (src.slice(start, end) !== text.slice(offset, offset + end - start)) return false;
    offset += end - start;
  }
  return offset === text.length;
}

/**
 * The text flushed by each inline parse, by the token list it filled (an inline token's
 * `children`): markdown-it's later steps merge text tokens, so the offsets cannot ride on them.
 */
const flushedByChildren = new WeakMap<object, Interval[]>();

/**
 * Makes a markdown-it instance record, for each inline token, the source offsets of the text
 * it gathered as plain text (`meta.isdeckProse`, less protected intervals), and on each inline
 * comment its offset. Only the deck parser's instance is tracked; the renderer's is left as
 * Marp made it.
 */
export function trackProse(md: TrackableMarkdown): void {
  const Base = md.inline.State as unknown as new (...args: unknown[]) => InlineStateLike;
  class State extends Base {
    readonly tracking = new TrackingState();

    constructor(...args: unknown[]) {
      super(...args);
      const tracking = this.tracking;
      const outTokens = args[3];
      if (typeof outTokens === 'object' && outTokens !== null) flushedByChildren.set(outTokens, tracking.flushed);
      tracking.buffer = this.pending;
      Object.defineProperty(this, 'pending', {
        get: () => tracking.buffer,
        set: (value: string) => tracking.setPending(value),
        configurable: true,
      });
    }

    override pushPending() {
      const pieces = this.tracking.pieces;
      const token = super.pushPending();
      if (copiesOf(this.src, pieces, token.content)) for (const piece of pieces) appendInterval(this.tracking.flushed, [...piece]);
      return token;
    }

    override push(type: string, tag: string, nesting: number) {
      const token = super.push(type, tag, nesting);
      if (type === 'marpit_comment') token.meta = { ...token.meta, [OFFSET_META]: this.pos };
      return token;
    }
  }
  md.inline.State = State;
  md.inline.tokenize = trackingTokenize;
  // Right after inline parsing: later core rules (emoji, linkify, text_join) make new text tokens.
  md.core.ruler.after('inline', 'isdeck_prose', (state) => {
    for (const token of state.tokens) if (token.type === 'inline') collectProse(token);
  });
}

/**
 * markdown-it's inline tokenizer loop, as it is, plus one line: each step notes where it
 * starts, which is where whatever it appends to `pending` comes from.
 */
function trackingTokenize(this: TrackableMarkdown['inline'], state: InlineStateLike): void {
  const rules = this.ruler.getRules('');
  const end = state.posMax;
  const maxNesting = state.md.options.maxNesting;
  const tracking = (state as { tracking?: TrackingState }).tracking;
  while (state.pos < end) {
    const prevPos = state.pos;
    if (tracking) tracking.stepStart = prevPos;
    let ok = false;
    if (state.level < maxNesting) {
      for (const rule of rules) {
        ok = rule(state, false);
        if (ok) {
          if (prevPos >= state.pos) throw new Error("inline rule didn't increment state.pos");
          break;
        }
      }
    }
    if (ok) {
      if (state.pos >= end) break;
      continue;
    }
    state.pending += state.src[state.pos++];
  }
  if (state.pending) state.pushPending();
}

/**
 * Keeps on the inline token the source offsets of its plain text: less math, tags and URLs
 * (prose), and less math and URLs only (shown text: what the `raw-html` rule reads for tags).
 */
function collectProse(inline: MarkdownToken): void {
  const flushed = inline.children ? flushedByChildren.get(inline.children) : undefined;
  if (!flushed) return;
  const sorted = flushed.every((interval, index) => index === 0 || flushed[index - 1]![0] <= interval[0]) ? flushed : [...flushed].sort((a, b) => a[0] - b[0]);
  const notText = [...mathIntervals(inline.content), ...addressIntervals(inline.content)].sort((a, b) => a[0] - b[0]);
  inline.meta = { ...inline.meta, [PROSE_META]: subtract(sorted, protectedIntervals(inline.content)), [SHOWN_META]: subtract(sorted, notText) };
}

/**
 * What reads as text but is not prose: math (`$…$`, `$$…$$`: Marp draws it once math is on),
 * HTML tags written as text (raw HTML is off, so they show as typed), and URLs and e-mail
 * addresses (linkified or not). Found by linear scans, never by a backtracking pattern.
 */
export function protectedIntervals(text: string): Interval[] {
  return [...mathIntervals(text), ...tagIntervals(text), ...addressIntervals(text)].sort((a, b) => a[0] - b[0]);
}

const isSpaceCode = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
const isDigitCode = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * `$$…$$` and `$…$` as Marp's math plugin reads them: an inline `$` opens when the next
 * character is not white space and closes at a `$` after a non-space character that is not
 * followed by a digit. The next possible closer is looked up in a table built from the end.
 */
function mathIntervals(text: string): Interval[] {
  if (!text.includes('$')) return [];
  const nextCloser = new Int32Array(text.length + 1).fill(-1);
  const nextDouble = new Int32Array(text.length + 1).fill(-1);
  for (let at = text.length - 1; at >= 0; at--) {
    nextCloser[at] = nextCloser[at + 1]!;
    nextDouble[at] = nextDouble[at + 1]!;
    if (text.charCodeAt(at) !== 0x24 || text.charCodeAt(at - 1) === 0x5c) continue;
    if (text.charCodeAt(at + 1) === 0x24) nextDouble[at] = at;
    if (at > 0 && !isSpaceCode(text.charCodeAt(at - 1)) && !isDigitCode(text.charCodeAt(at + 1))) nextCloser[at] = at;
  }
  const found: Interval[] = [];
  let at = text.indexOf('$');
  while (at >= 0 && at < text.length) {
    const escaped = text.charCodeAt(at - 1) === 0x5c;
    let end = -1;
    if (!escaped && text.charCodeAt(at + 1) === 0x24) {
      const close = nextDouble[at + 2] ?? -1;
      if (close >= 0) end = close + 2;
    } else if (!escaped && at + 1 < text.length && !isSpaceCode(text.charCodeAt(at + 1))) {
      const close = nextCloser[at + 2] ?? -1;
      if (close >= 0) end = close + 1;
    }
    if (end > 0) found.push([at, end]);
    at = text.indexOf('$', end > 0 ? end : at + 1);
  }
  return found;
}

/** `<tag …>`, `</tag>`, `<!…>`, `<?…>` written as text: from `<` to the next `>`. */
function tagIntervals(text: string): Interval[] {
  if (!text.includes('<')) return [];
  const found: Interval[] = [];
  let nextClose = -1;
  let at = text.indexOf('<');
  while (at >= 0) {
    const next = text[at + 1] ?? '';
    if (/[A-Za-z/!?]/.test(next)) {
      if (nextClose < at) nextClose = text.indexOf('>', at);
      if (nextClose < 0) break;
      found.push([at, nextClose + 1]);
      at = text.indexOf('<', nextClose + 1);
    } else {
      at = text.indexOf('<', at + 1);
    }
  }
  return found;
}

/** Ends an address: white space, or the brackets and quotes that stand around one in text. */
const isAddressEnd = (code: number) => isSpaceCode(code) || code === 0x5b || code === 0x5d || code === 0x3c || code === 0x3e || code === 0x22;

/** Words (runs without white space or brackets) that hold `://`, `@` or start with `www.`: addresses, not prose. */
function addressIntervals(text: string): Interval[] {
  const found: Interval[] = [];
  let start = -1;
  let address = false;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : 0x20;
    if (isAddressEnd(code)) {
      if (start >= 0 && address) found.push([start, at]);
      start = -1;
      address = false;
      continue;
    }
    if (start < 0) {
      start = at;
      address = text.startsWith('www.', at);
    }
    if (code === 0x40 || (code === 0x3a && text.startsWith('://', at))) address = true;
  }
  return found;
}

/** `intervals` less `cuts` (both sorted by start; the result is sorted and merged). */
export function subtract(intervals: readonly Interval[], cuts: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let cut = 0;
  for (const [first, last] of intervals) {
    let start = first;
    while (cut < cuts.length && cuts[cut]![1] <= start) cut++;
    let index = cut;
    while (start < last && index < cuts.length && cuts[index]![0] < last) {
      const [cutStart, cutEnd] = cuts[index]!;
      if (cutStart > start) appendInterval(result, [start, cutStart]);
      start = Math.max(start, cutEnd);
      index++;
    }
    if (start < last) appendInterval(result, [start, last]);
  }
  return result;
}

/** Appends an interval, joining it to the last one when they touch. */
function appendInterval(result: Interval[], interval: Interval): void {
  const last = result.at(-1);
  if (last && last[1] === interval[0]) last[1] = interval[1];
  else result.push(interval);
}

/** Where each line of an inline token's content stands in the source. */
export interface ContentLine {
  /** 1-based source line. */
  line: number;
  /** Offset in the content where this line starts. */
  offset: number;
  /** 0-based source column of each content character of the line; a number when they run on without a gap. */
  columns: number | Int32Array;
  length: number;
}

/**
 * The source place of each line of a paragraph's or setext heading's content: each content
 * line is the end of its source line (indentation, list and quote markers stand before it;
 * the last line may have lost trailing white space).
 */
export function blockContentLines(lines: readonly string[], content: string, firstLine: number): ContentLine[] | undefined {
  const pieces = content.split('\n');
  const result: ContentLine[] = [];
  let offset = 0;
  for (const [index, piece] of pieces.entries()) {
    const source = lines[firstLine - 1 + index];
    if (source === undefined) return undefined;
    const column = suffixColumn(source, piece);
    if (column === undefined) return undefined;
    result.push({ line: firstLine + index, offset, columns: column, length: piece.length });
    offset += piece.length + 1;
  }
  return result;
}

function suffixColumn(source: string, piece: string): number | undefined {
  const whole = source.length - piece.length;
  if (whole >= 0 && source.startsWith(piece, whole)) return whole;
  const trimmed = source.trimEnd().length - piece.length;
  if (trimmed >= 0 && source.startsWith(piece, trimmed)) return trimmed;
  return undefined;
}

/** An ATX heading's content: the text after the opening `#`s. */
export function headingContentLine(lines: readonly string[], content: string, line: number): ContentLine[] | undefined {
  const source = lines[line - 1] ?? '';
  const hashes = /^ {0,3}#{1,6}/.exec(source)?.[0].length ?? 0;
  const column = content === '' ? hashes : source.indexOf(content, hashes);
  return column < 0 ? undefined : [{ line, offset: 0, columns: column, length: content.length }];
}

/**
 * A table cell's content, read from the cell's first source column: markdown-it drops the
 * backslash of `\|`, so the characters are paired one by one.
 */
export function cellContentLine(lines: readonly string[], content: string, line: number, fromColumn: number): ContentLine[] | undefined {
  const source = lines[line - 1] ?? '';
  if (source.startsWith(content, fromColumn)) return [{ line, offset: 0, columns: fromColumn, length: content.length }];
  const columns = new Int32Array(content.length);
  let at = fromColumn;
  for (let index = 0; index < content.length; index++) {
    if (source[at] !== content[index] && source[at] === '\\' && source[at + 1] === content[index]) at++;
    if (source[at] !== content[index]) return undefined;
    columns[index] = at++;
  }
  return [{ line, offset: 0, columns, length: content.length }];
}

/** The 1-based source position of an offset into an inline's content (the end of its last line at most), or undefined. */
export function contentPosition(contentLines: readonly ContentLine[] | undefined, offset: number): { line: number; column: number } | undefined {
  const contentLine = contentLines?.findLast((candidate) => candidate.offset <= offset);
  if (!contentLine) return undefined;
  const at = Math.min(offset - contentLine.offset, contentLine.length);
  const { columns } = contentLine;
  const column = typeof columns === 'number' ? columns + at : at < columns.length ? columns[at]! : (columns.at(-1) ?? -1) + 1;
  return { line: contentLine.line, column: column + 1 };
}

/**
 * The prose spans of an inline token (or, with `shown`, its shown text: prose and typed HTML
 * tags), each on one line and equal to its source text.
 */
export function proseSpans(inline: MarkdownToken, contentLines: readonly ContentLine[] | undefined, shown = false): TextSpan[] {
  const intervals = inline.meta?.[shown ? SHOWN_META : PROSE_META] as Interval[] | undefined;
  if (!intervals || !contentLines) return [];
  const spans: TextSpan[] = [];
  let lineIndex = 0;
  for (const [start, end] of intervals) {
    let from = start;
    while (from < end) {
      while (lineIndex + 1 < contentLines.length && contentLines[lineIndex + 1]!.offset <= from) lineIndex++;
      const contentLine = contentLines[lineIndex]!;
      const lineEnd = contentLine.offset + contentLine.length;
      const to = Math.min(end, lineEnd);
      if (to > from) pushRuns(spans, inline.content, contentLine, from, to);
      from = Math.max(to, lineEnd + 1);
    }
  }
  return spans;
}

/** Adds `content[from, to)` as spans, split where its characters are not side by side in the source. */
function pushRuns(spans: TextSpan[], content: string, contentLine: ContentLine, from: number, to: number): void {
  const { columns, line, offset } = contentLine;
  const columnOf = (at: number) => (typeof columns === 'number' ? columns + at - offset : columns[at - offset]!);
  let runStart = from;
  for (let at = from + 1; at <= to; at++) {
    if (at < to && columnOf(at) === columnOf(at - 1) + 1) continue;
    const column = columnOf(runStart);
    spans.push({ text: content.slice(runStart, at), range: rangeOf(line, column + 1, line, column + 1 + at - runStart) });
    runStart = at;
  }
}

/** The lines with everything that is not prose blanked to spaces, so columns stay true. */
export function proseLinesOf(lines: readonly string[], spans: readonly TextSpan[]): string[] {
  const blanked = lines.map((line) => ' '.repeat(line.length));
  // Spans come line by line, left to right: each line is built by appending, not by writing
  // characters into an array (a third of the editor's re-parse went there).
  let lineIndex = -1;
  let built = '';
  let column = 0;
  const flush = () => {
    if (lineIndex >= 0) blanked[lineIndex] = built + blanked[lineIndex]!.slice(built.length);
  };
  for (const { text, range } of spans) {
    if (range.line - 1 !== lineIndex) {
      flush();
      lineIndex = range.line - 1;
      built = '';
      column = 0;
    }
    const start = range.column - 1;
    if (start < column) {
      // Out of order or overlapping (not seen from markdown-it): write over what is built.
      built = built.slice(0, start) + text + built.slice(start + text.length);
    } else built += ' '.repeat(start - column) + text;
    column = Math.max(column, start + text.length);
  }
  flush();
  return blanked;
}
