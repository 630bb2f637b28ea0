/**
 * Raw HTML tags in Markdown text, found as CommonMark finds them (an open tag `<name attr="v">`,
 * `<br/>`, or a closing tag `</name>`), by a hand-written scanner that runs in linear time:
 * no regular expression runs over deck text here, and a quoted attribute value is skipped to
 * its closing quote through a table made once, so no `<` is scanned twice over a long stretch.
 *
 * Comments (`<!-- -->`, Marp's directives and notes), autolinks (`<https://…>`) and escaped
 * `\<` are not tags. Inline code is skipped by {@link findInlineHtmlTags}.
 */

export interface HtmlTag {
  /** Offset of `<`. */
  start: number;
  /** Offset just past `>`. */
  end: number;
  /** The tag name, lower-cased. */
  name: string;
  closing: boolean;
  /** `<br/>`: an open tag that closes itself. */
  selfClosing: boolean;
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
const isNameChar = (code: number) => isLetter(code) || isDigit(code) || code === 45;
const isAttrStart = (code: number) => isLetter(code) || code === 95 || code === 58;
const isAttrChar = (code: number) => isAttrStart(code) || isDigit(code) || code === 46 || code === 45;
/** Characters an unquoted attribute value cannot hold: space, `"`, `'`, `=`, `<`, `>`, `` ` ``. */
const endsUnquoted = (code: number) => isSpace(code) || code === 34 || code === 39 || code === 61 || code === 60 || code === 62 || code === 96;

/** For each offset, the offset of the next `"` / `'` at or after it (text length when none). */
function nextQuoteTables(text: string): { double: Int32Array; single: Int32Array } {
  const double = new Int32Array(text.length + 1);
  const single = new Int32Array(text.length + 1);
  double[text.length] = single[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    double[i] = code === 34 ? i : double[i + 1]!;
    single[i] = code === 39 ? i : single[i + 1]!;
  }
  return { double, single };
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

type Quotes = ReturnType<typeof nextQuoteTables>;

/** The tag that starts at `start` (a `<`), or `undefined`. */
function tagAt(text: string, start: number, quotes: () => Quotes): HtmlTag | undefined {
  let at = start + 1;
  const closing = text.charCodeAt(at) === 47;
  if (closing) at++;
  const nameStart = at;
  if (!isLetter(text.charCodeAt(at))) return undefined;
  while (at < text.length && isNameChar(text.charCodeAt(at))) at++;
  const name = text.slice(nameStart, at).toLowerCase();
  if (closing) {
    at = skipSpaces(text, at);
    return text.charCodeAt(at) === 62 ? { start, end: at + 1, name, closing, selfClosing: false } : undefined;
  }
  for (;;) {
    const afterSpace = skipSpaces(text, at);
    const code = text.charCodeAt(afterSpace);
    if (code === 62) return { start, end: afterSpace + 1, name, closing, selfClosing: false };
    if (code === 47) return text.charCodeAt(afterSpace + 1) === 62 ? { start, end: afterSpace + 2, name, closing, selfClosing: true } : undefined;
    // An attribute needs whitespace before it.
    if (afterSpace === at || !isAttrStart(code)) return undefined;
    at = afterSpace;
    while (at < text.length && isAttrChar(text.charCodeAt(at))) at++;
    const beforeValue = skipSpaces(text, at);
    if (text.charCodeAt(beforeValue) !== 61) continue;
    at = skipSpaces(text, beforeValue + 1);
    const quote = text.charCodeAt(at);
    if (quote === 34 || quote === 39) {
      const close = (quote === 34 ? quotes().double : quotes().single)[at + 1]!;
      if (close >= text.length) return undefined;
      at = close + 1;
    } else {
      const valueStart = at;
      while (at < text.length && !endsUnquoted(text.charCodeAt(at))) at++;
      if (at === valueStart) return undefined;
    }
  }
}

/** Every tag in `text`, in order; `\<` is escaped text. */
export function findHtmlTags(text: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let tables: Quotes | undefined;
  const quotes = () => (tables ??= nextQuoteTables(text));
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) === 92 && !escapedBackslash(text, at - 1)) continue;
    const tag = tagAt(text, at, quotes);
    if (!tag) continue;
    tags.push(tag);
    at = tag.end - 1;
  }
  return tags;
}

/** Whether the backslash at `at` is itself escaped (an odd run of backslashes before it). */
function escapedBackslash(text: string, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === 92; i--) count++;
  return count % 2 === 1;
}

/**
 * The tags of a Markdown inline text (a paragraph, heading, list item or table cell), outside
 * code spans: a backtick run opens a span that the next run of the same length closes.
 */
export function findInlineHtmlTags(text: string): HtmlTag[] {
  const code = codeSpans(text);
  if (code.length === 0) return findHtmlTags(text);
  // Both lists are in text order: one walk over them.
  let span = 0;
  return findHtmlTags(text).filter((tag) => {
    while (span < code.length && code[span]![1] <= tag.start) span++;
    const next = code[span];
    return !next || tag.end <= next[0];
  });
}

/** `[from, to)` of each code span, found in one pass (runs grouped by length). */
function codeSpans(text: string): Array<[number, number]> {
  if (!text.includes('`')) return [];
  const runs: Array<[number, number]> = [];
  for (let at = 0; at < text.length; ) {
    if (text.charCodeAt(at) !== 96) {
      at++;
      continue;
    }
    const from = at;
    while (at < text.length && text.charCodeAt(at) === 96) at++;
    runs.push([from, at - from]);
  }
  const spans: Array<[number, number]> = [];
  const open = new Map<number, number>();
  let closedUpTo = -1;
  for (const [from, length] of runs) {
    if (from < closedUpTo) continue;
    const opener = open.get(length);
    if (opener === undefined) {
      open.set(length, from);
      continue;
    }
    spans.push([opener, from + length]);
    closedUpTo = from + length;
    open.clear();
  }
  return spans;
}

/** Inline typography Markdown has no syntax for: drawn as itself whatever the raw HTML setting. */
const TYPOGRAPHIC = new Set(['sub', 'sup']);
/** The most text a kept `<sub>`/`<sup>` pair may hold. */
const MAX_TYPOGRAPHIC_TEXT = 100;

/**
 * Whether `tag` and `next` are a bare `<sub>…</sub>` or `<sup>…</sup>` pair (no attributes)
 * around plain text (no `<`, and none of Markdown's inline marks `*`, `_`, `` ` ``, `[`, `]`,
 * `\`): `H<sub>2</sub>O`, `10<sup>th</sup>`, the house footnote marker `<sup>1</sup>`. Such a
 * pair is drawn as a real subscript or superscript and is not reported, raw HTML on or off.
 */
export function isTypographicPair(text: string, tag: HtmlTag, next: HtmlTag | undefined): boolean {
  if (!next || tag.closing || !next.closing || tag.name !== next.name || !TYPOGRAPHIC.has(tag.name)) return false;
  if (tag.end - tag.start !== tag.name.length + 2) return false;
  const inner = text.slice(tag.end, next.start);
  return inner.length > 0 && inner.length <= MAX_TYPOGRAPHIC_TEXT && !/[<*_`[\]\\]/.test(inner);
}
