/**
 * Linear-time stand-ins for four Marpit rules whose running time grows faster than the deck.
 *
 * - The block and inline comment rules find a comment with `/<!--+\s*([\s\S]*?)\s*--+>/`,
 *   unanchored: an unclosed `<!--` makes the search try every later `<!--` and scan to the
 *   end from each, and the inline rule runs it from every `<!` of a paragraph, so 10 KB of
 *   `x <!-- <!-- …` took 97 s (cubic).
 * - The `<style>` rule reads an element with `/<style([\s\S]*?)>([\s\S]*?)<\/style>/i`: an
 *   unclosed `<style>` followed by many `>` scans to the end from each (200 KB: 57 s).
 * - The slide rule joins the slides with `[...slides, ...slide]` once per slide: time and
 *   memory grow with slides × tokens.
 *
 * Each stand-in gives exactly the tokens of the rule it replaces (test/deck/marp-linear.test.ts
 * compares them over the fixtures and generated decks); only the way they are found changes.
 * Both the deck parser and the renderer install them, so the model and the drawing agree.
 */
import { yaml as marpitYaml } from '@marp-team/marpit/lib/markdown/directives/yaml';

interface Token {
  type: string;
  level: number;
  map: [number, number] | null;
  markup: string;
  content: string;
  hidden: boolean;
  meta: Record<string, unknown> | null;
  attrSet(name: string, value: string): void;
}

type TokenClass = new (type: string, tag: string, nesting: number) => Token;

interface BlockState {
  src: string;
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  blkIndent: number;
  line: number;
  push(type: string, tag: string, nesting: number): Token;
  getLines(begin: number, end: number, indent: number, keepLastLF: boolean): string;
}

interface InlineState {
  src: string;
  pos: number;
  posMax: number;
  push(type: string, tag: string, nesting: number): Token;
}

interface CoreState {
  tokens: Token[];
  inlineMode: boolean;
  Token: TokenClass;
}

interface Ruler<State> {
  at(name: string, rule: (state: State, ...rest: never[]) => boolean | void): void;
}

/** The part of a Marp instance the stand-ins need. */
export interface LinearMarp {
  options: { looseYAML?: unknown; anchor?: unknown };
  markdown: {
    block: { ruler: Ruler<BlockState> };
    inline: { ruler: Ruler<InlineState> };
    core: { ruler: Ruler<CoreState> };
  };
}

/** What `/<!--+\s*([\s\S]*?)\s*--+>/` finds: where the match starts and ends, and group 1. */
export interface CommentMatch {
  start: number;
  end: number;
  body: string;
}

const WHITE_SPACE = /\s/;
const isSpace = (text: string, at: number) => at < text.length && WHITE_SPACE.test(text[at]!);

/**
 * Remembers, for one text, where the next occurrence of a needle is, so that searches from
 * ever later positions (the inline rule's case) scan each character once.
 */
class NextOccurrence {
  private text: string | undefined;
  private from = 0;
  private found = -1;

  constructor(private readonly needle: string) {}

  in(text: string, from: number): number {
    const known = this.text === text && from >= this.from && (this.found < 0 || from <= this.found);
    if (!known) {
      this.text = text;
      this.from = from;
      this.found = text.indexOf(this.needle, from);
    }
    return this.found;
  }
}

/**
 * The first match of Marpit's comment pattern in `text` at or after `from`, found in linear
 * time. The regular expression's backtracking order comes down to this: the match starts at
 * the first `<!--`; the opening takes every dash after it and the white space after those;
 * the body runs lazily to the first run of two or more dashes closed by `>`, less the white
 * space before that run. With no `-->` after the opening, only `<!------>` (the opening's own
 * dashes closing it) still matches, with an empty body; else nothing does, at any later `<!--`.
 */
export class CommentFinder {
  private readonly opens = new NextOccurrence('<!--');
  private readonly closes = new NextOccurrence('-->');

  find(text: string, from: number): CommentMatch | undefined {
    const start = this.opens.in(text, from);
    if (start < 0) return undefined;
    let dashesEnd = start + 4;
    while (text[dashesEnd] === '-') dashesEnd++;
    let bodyStart = dashesEnd;
    while (isSpace(text, bodyStart)) bodyStart++;
    const close = this.closes.in(text, bodyStart);
    if (close < 0) {
      const selfClosed = dashesEnd - start >= 6 && text[dashesEnd] === '>';
      return selfClosed ? { start, end: dashesEnd + 1, body: '' } : undefined;
    }
    let runStart = close;
    while (runStart > bodyStart && text[runStart - 1] === '-') runStart--;
    let bodyEnd = runStart;
    while (bodyEnd > bodyStart && isSpace(text, bodyEnd - 1)) bodyEnd--;
    return { start, end: close + 3, body: text.slice(bodyStart, bodyEnd) };
  }
}

/** Well-known magic comments (Prettier, markdownlint, remark-lint) that Marpit marks as parsed. */
const MAGIC_COMMENTS = [
  /^prettier-ignore(-(start|end))?$/,
  /^markdownlint-((disable|enable).*|capture|restore)$/,
  /^lint (disable|enable|ignore).*$/,
];

function readDirectives(token: Token, content: string, looseYAML: boolean): void {
  const parsed = marpitYaml(content, looseYAML);
  token.meta = token.meta || {};
  token.meta.marpitParsedDirectives = parsed === false ? {} : parsed;
  const trimmed = content.trim();
  if (MAGIC_COMMENTS.some((pattern) => pattern.test(trimmed))) token.meta.marpitCommentParsed = 'well-known-magic-comment';
}

function installCommentRules(marp: LinearMarp): void {
  const looseYAML = () => !!marp.options.looseYAML;
  const blockFinder = new CommentFinder();
  marp.markdown.block.ruler.at('marpit_comment', (state: BlockState, startLine: number, endLine: number, silent: boolean) => {
    let pos = state.bMarks[startLine]! + state.tShift[startLine]!;
    if (state.src.charCodeAt(pos) !== 0x3c) return false;
    let max = state.eMarks[startLine]!;
    if (!state.src.startsWith('<!--', pos) || pos + 4 > max) return false;
    if (silent) return true;
    let nextLine = startLine + 1;
    if (!lineCloses(state.src, pos, max)) {
      while (nextLine < endLine) {
        if (state.sCount[nextLine]! < state.blkIndent) break;
        pos = state.bMarks[nextLine]! + state.tShift[nextLine]!;
        max = state.eMarks[nextLine]!;
        nextLine += 1;
        if (lineCloses(state.src, pos, max)) break;
      }
    }
    state.line = nextLine;
    const token = state.push('marpit_comment', '', 0);
    token.map = [startLine, nextLine];
    token.markup = state.getLines(startLine, nextLine, state.blkIndent, true);
    token.hidden = true;
    const match = blockFinder.find(token.markup, 0);
    token.content = match ? match.body.trim() : '';
    readDirectives(token, token.content, looseYAML());
    return true;
  });
  const inlineFinder = new CommentFinder();
  marp.markdown.inline.ruler.at('marpit_inline_comment', (state: InlineState, silent: boolean) => {
    const { posMax, src } = state;
    if (state.pos + 2 >= posMax || src.charCodeAt(state.pos) !== 0x3c || src.charCodeAt(state.pos + 1) !== 0x21) return false;
    // As Marpit does: the first comment anywhere after this point, past posMax too.
    const match = inlineFinder.find(src, state.pos);
    if (!match) return false;
    const length = match.end - match.start;
    if (!silent) {
      const token = state.push('marpit_comment', '', 0);
      token.hidden = true;
      token.markup = src.slice(state.pos, state.pos + length);
      token.content = match.body.trim();
      readDirectives(token, token.content, looseYAML());
    }
    state.pos += length;
    return true;
  });
}

/** Whether a line (`src[from, to)`) holds `-->`, as Marpit's `/-->/` test of the line; reads that line only. */
function lineCloses(src: string, from: number, to: number): boolean {
  return src.slice(from, to).includes('-->');
}

/**
 * The first match of `/<style([\s\S]*?)>([\s\S]*?)<\/style>/i` in `text`, in linear time: it
 * starts at the first `<style`, its attributes run to the first `>` after that, and its CSS
 * to the first `</style>` after the `>`. With no `</style>` after that `>`, no later `>` or
 * `<style` can match either.
 */
export function findStyle(text: string): { attributes: string; css: string } | undefined {
  const start = indexOfAsciiCaseless(text, '<style', 0);
  if (start < 0) return undefined;
  const tagEnd = text.indexOf('>', start + 6);
  if (tagEnd < 0) return undefined;
  const close = indexOfAsciiCaseless(text, '</style>', tagEnd + 1);
  if (close < 0) return undefined;
  return { attributes: text.slice(start + 6, tagEnd), css: text.slice(tagEnd + 1, close) };
}

/** `indexOf` ignoring ASCII case, as a non-Unicode `/i` pattern compares ASCII letters. */
function indexOfAsciiCaseless(text: string, needle: string, from: number): number {
  for (let at = text.indexOf('<', from); at >= 0; at = text.indexOf('<', at + 1)) {
    if (text.length - at < needle.length) return -1;
    let index = 1;
    while (index < needle.length && text[at + index]!.toLowerCase() === needle[index] && text.charCodeAt(at + index) < 0x80) index++;
    if (index === needle.length) return at;
  }
  return -1;
}

const STYLE_OPENING = /^<style(?=(\s|>|$))/i;
const STYLE_CLOSING = /<\/style>/i;
const STYLE_SCOPED = /\bscoped\b/i;

function installStyleRule(marp: LinearMarp): void {
  marp.markdown.block.ruler.at('marpit_style_parse', (state: BlockState, startLine: number, endLine: number, silent: boolean) => {
    let pos = state.bMarks[startLine]! + state.tShift[startLine]!;
    if (state.src.charCodeAt(pos) !== 0x3c) return false;
    let max = state.eMarks[startLine]!;
    let line = state.src.slice(pos, max);
    if (!STYLE_OPENING.test(line)) return false;
    if (silent) return true;
    let nextLine = startLine + 1;
    if (!STYLE_CLOSING.test(line)) {
      while (nextLine < endLine) {
        if (state.sCount[nextLine]! < state.blkIndent) break;
        pos = state.bMarks[nextLine]! + state.tShift[nextLine]!;
        max = state.eMarks[nextLine]!;
        line = state.src.slice(pos, max);
        nextLine += 1;
        if (STYLE_CLOSING.test(line)) break;
      }
    }
    state.line = nextLine;
    const token = state.push('marpit_style', '', 0);
    token.map = [startLine, nextLine];
    token.markup = state.getLines(startLine, nextLine, state.blkIndent, true);
    token.meta = {};
    token.hidden = true;
    const style = findStyle(token.markup);
    if (style) {
      token.content = style.css.trim();
      token.meta.marpitStyleScoped = STYLE_SCOPED.test(style.attributes.trim());
    }
    return true;
  });
}

function installSlideRule(marp: LinearMarp): void {
  marp.markdown.core.ruler.at('marpit_slide', (state: CoreState) => {
    if (state.inlineMode) return;
    const slides: Token[][] = [[]];
    for (const token of state.tokens) {
      if (token.type === 'hr' && token.level === 0) slides.push([token]);
      else slides.at(-1)!.push(token);
    }
    const total = slides.length;
    const tokens: Token[] = [];
    slides.forEach((slideTokens, index) => {
      const firstHr = slideTokens[0]?.type === 'hr' ? slideTokens[0] : undefined;
      const mapTarget = firstHr ?? slideTokens.find((token) => token.map);
      const open = new state.Token('marpit_slide_open', 'section', 1);
      const close = new state.Token('marpit_slide_close', 'section', -1);
      Object.assign(open, { block: true, meta: { marpitSlide: index, marpitSlideTotal: total, marpitSlideElement: 1 }, map: mapTarget ? mapTarget.map : [0, 1] });
      Object.assign(close, { block: true, meta: { marpitSlide: index, marpitSlideTotal: total, marpitSlideElement: -1 } });
      const id = slideAnchor(marp, index);
      if (id != null) open.attrSet('id', id);
      tokens.push(open);
      for (const token of firstHr ? slideTokens.slice(1) : slideTokens) {
        token.level += 1;
        tokens.push(token);
      }
      tokens.push(close);
    });
    state.tokens = tokens;
  });
}

/** Marpit's slide anchor: `anchor: true` numbers from 1, a function decides, `false` gives none. */
function slideAnchor(marp: LinearMarp, index: number): string | undefined {
  const { anchor } = marp.options;
  if (typeof anchor === 'function') return (anchor as (index: number) => string | undefined)(index);
  return anchor ? `${index + 1}` : undefined;
}

/** Replaces Marpit's comment, `<style>` and slide rules on a Marp instance with the linear ones above. */
export function useLinearRules(marp: LinearMarp): void {
  installCommentRules(marp);
  installStyleRule(marp);
  installSlideRule(marp);
}
