/**
 * Linear-time stand-ins for Marpit and marp-core rules whose running time grows faster than
 * the deck, or that crash on a large one.
 *
 * - The block and inline comment rules find a comment with `/<!--+\s*([\s\S]*?)\s*--+>/`,
 *   unanchored: an unclosed `<!--` makes the search try every later `<!--` and scan to the
 *   end from each, and the inline rule runs it from every `<!` of a paragraph, so 10 KB of
 *   `x <!-- <!-- …` took 97 s (cubic).
 * - The `<style>` rule reads an element with `/<style([\s\S]*?)>([\s\S]*?)<\/style>/i`: an
 *   unclosed `<style>` followed by many `>` scans to the end from each (200 KB: 57 s).
 * - The slide rule joins the slides with `[...slides, ...slide]` once per slide: time and
 *   memory grow with slides × tokens.
 * - The inline SVG, slide container and heading divider rules add a slide's tokens with
 *   `push(...tokens)`, which throws "Maximum call stack size exceeded" past about 120,000
 *   tokens (a long table or list).
 * - marp-core's Unicode emoji rule builds the pieces of a text with `[...pieces, piece]` once
 *   per piece: a line of emoji grows with their square. Long texts are cut before ASCII
 *   characters (never inside an emoji sequence) so each piece list stays short; the budget
 *   on emoji written without a space between them (src/core/deck/budgets.ts) covers the rest.
 *
 * Each stand-in gives exactly the tokens of the rule it replaces (test/deck/marp-linear.test.ts
 * compares them over the fixtures and generated decks); only the way they are found changes.
 * Both the deck parser and the renderer install them, so the model and the drawing agree.
 */
import type { Marp } from '@marp-team/marp-core';
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
  before(name: string, rule: string, fn: (state: State) => void): void;
  __find__(name: string): number;
}

/** The part of a Marp instance the stand-ins need. */
export interface LinearMarp {
  options: { looseYAML?: unknown; anchor?: unknown; slideContainer?: unknown };
  inlineSVGOptions: { enabled: boolean };
  lastGlobalDirectives?: Record<string, unknown>;
  themeSet: { getThemeProp(theme: unknown, prop: string): unknown };
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

/** A Marpit container: the element, its attributes, and properties for the opening and closing tokens. */
type Container = Record<string, unknown> & { tag: string; open?: object; close?: object };

/** `open`, the tokens, `close`: Marpit's `wrapTokens`, with the tokens' level raised (a loop, not a spread call). */
function wrap(state: CoreState, type: string, container: Container, tokens: readonly Token[]): Token[] {
  const open = new state.Token(`${type}_open`, container.tag, 1);
  const close = new state.Token(`${type}_close`, container.tag, -1);
  Object.assign(open, { ...container.open });
  Object.assign(close, { ...container.close });
  for (const [name, value] of Object.entries(container)) {
    if (name !== 'open' && name !== 'close' && name !== 'tag' && value != null) open.attrSet(name, value as string);
  }
  const wrapped = [open];
  for (const token of tokens) {
    token.level += 1;
    wrapped.push(token);
  }
  wrapped.push(close);
  return wrapped;
}

/** Tokens grouped by slide, each group starting at a token that opens a slide element (Marpit's `split`). */
function slideGroups(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [[]];
  for (const token of tokens) {
    if (token.meta && token.meta.marpitSlideElement === 1) groups.push([token]);
    else groups.at(-1)!.push(token);
  }
  return groups;
}

function appendAll(target: Token[], tokens: readonly Token[]): void {
  for (const token of tokens) target.push(token);
}

function installInlineSvgRule(marp: LinearMarp): void {
  marp.markdown.core.ruler.at('marpit_inline_svg', (state: CoreState) => {
    if (!marp.inlineSVGOptions.enabled || state.inlineMode) return;
    const theme = marp.lastGlobalDirectives?.theme;
    const width = marp.themeSet.getThemeProp(theme, 'widthPixel') as number;
    const height = marp.themeSet.getThemeProp(theme, 'heightPixel') as number;
    const tokens: Token[] = [];
    for (const group of slideGroups(state.tokens)) {
      if (group.length === 0) continue;
      for (const token of group) if (token.meta && token.meta.marpitSlideElement) delete token.meta.marpitSlideElement;
      const content = wrap(state, 'marpit_inline_svg_content', { tag: 'foreignObject', width, height }, group);
      const svg = wrap(
        state,
        'marpit_inline_svg',
        { tag: 'svg', 'data-marpit-svg': '', viewBox: `0 0 ${width} ${height}`, open: { meta: { marpitSlideElement: 1 } }, close: { meta: { marpitSlideElement: -1 } } },
        content,
      );
      appendAll(tokens, svg);
    }
    state.tokens = tokens;
  });
}

function installSlideContainerRule(marp: LinearMarp): void {
  const ruler = marp.markdown.core.ruler;
  if (ruler.__find__('marpit_slide_containers') < 0) return;
  const option = marp.options.slideContainer;
  const containers = (option == null || option === false ? [] : Array.isArray(option) ? option : [option]) as Container[];
  ruler.at('marpit_slide_containers', (state: CoreState) => {
    if (state.inlineMode) return;
    const tokens: Token[] = [];
    for (const group of slideGroups(state.tokens)) {
      if (group.length === 0) continue;
      let wrapped = group;
      for (const container of [...containers].reverse()) wrapped = wrap(state, 'marpit_slide_containers', container, wrapped);
      appendAll(tokens, wrapped);
    }
    state.tokens = tokens;
  });
}

function installHeadingDividerRule(marp: LinearMarp): void {
  marp.markdown.core.ruler.at('marpit_heading_divider', (state: CoreState) => {
    let target = (marp.options as { headingDivider?: unknown }).headingDivider;
    if (marp.lastGlobalDirectives && Object.prototype.hasOwnProperty.call(marp.lastGlobalDirectives, 'headingDivider')) target = marp.lastGlobalDirectives.headingDivider;
    if (state.inlineMode || target === false) return;
    if (Number.isInteger(target) && (target as number) >= 1 && (target as number) <= 6) target = Array.from({ length: target as number }, (_, index) => index + 1);
    if (!Array.isArray(target)) return;
    const tags = target.map((level) => `h${level}`);
    const divides = (token: Token) => token.type === 'heading_open' && tags.includes((token as Token & { tag: string }).tag);
    const tokens: Token[] = [];
    let shown = false;
    const groups: Token[][] = [[]];
    for (const token of state.tokens) {
      if (divides(token)) groups.push([token]);
      else groups.at(-1)!.push(token);
    }
    for (const group of groups) {
      const first = group[0];
      if (first && divides(first) && shown) {
        const hr = new state.Token('hr', '', 0);
        hr.hidden = true;
        hr.map = first.map;
        tokens.push(hr);
      }
      for (const token of group) {
        if (!token.hidden) shown = true;
        tokens.push(token);
      }
    }
    state.tokens = tokens;
  });
}

/** Texts longer than this are cut into pieces before marp-core's emoji rule reads them. */
const EMOJI_CHUNK = 512;

/**
 * Cuts long text tokens into pieces of about {@link EMOJI_CHUNK} characters, each cut just
 * before an ASCII character: an emoji sequence never has one inside it (a keycap's digit
 * comes first), so the emoji found are the same; markdown-it's `text_join` joins the pieces
 * again afterwards.
 */
function installEmojiChunks(marp: LinearMarp): void {
  const ruler = marp.markdown.core.ruler;
  if (ruler.__find__('marp_unicode_emoji') < 0) return;
  ruler.before('marp_unicode_emoji', 'isdeck_emoji_chunks', (state: CoreState) => {
    for (const block of state.tokens) {
      const children = (block as Token & { children: Token[] | null }).children;
      if (block.type !== 'inline' || !children?.some((child) => child.type === 'text' && child.content.length > EMOJI_CHUNK)) continue;
      const cut: Token[] = [];
      for (const child of children) {
        if (child.type !== 'text' || child.content.length <= EMOJI_CHUNK) {
          cut.push(child);
          continue;
        }
        for (const piece of asciiCutPieces(child.content)) cut.push(Object.assign(new state.Token('text', '', 0), { ...child, content: piece }));
      }
      (block as Token & { children: Token[] }).children = cut;
    }
  });
}

/** `text` in pieces of at least {@link EMOJI_CHUNK} characters, each after the first starting with an ASCII character. */
export function asciiCutPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let at = EMOJI_CHUNK;
  while (at < text.length) {
    if (text.charCodeAt(at) < 0x80) {
      pieces.push(text.slice(start, at));
      start = at;
      at += EMOJI_CHUNK;
    } else {
      at++;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Replaces the rules named above on a Marp instance with their linear stand-ins. */
export function useLinearRules(instance: Marp): void {
  const marp = instance as unknown as LinearMarp;
  installCommentRules(marp);
  installStyleRule(marp);
  installSlideRule(marp);
  installHeadingDividerRule(marp);
  installInlineSvgRule(marp);
  installSlideContainerRule(marp);
  installEmojiChunks(marp);
}
