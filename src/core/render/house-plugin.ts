/**
 * The house markdown-it plugin, applied to the Marp instance after Marpit's own rules.
 * Everything is done on markdown-it tokens (never by rewriting HTML):
 *
 * - `chart` slides: the slide's first table becomes an inline SVG bar chart, inserted before
 *   the table; the table stays in the HTML (the theme hides it visually).
 * - A top-level paragraph that begins with a superscript digit (`¹`…`⁹`, or the text
 *   `<sup>1</sup>`, which raw-HTML-off Markdown keeps as text) gets `class="footnote-source"`.
 * - The text `<sup>n</sup>` (and any bare `<sub>`/`<sup>` pair around plain text) becomes a
 *   real `<sup>`/`<sub>` element, raw HTML off or on.
 * - A footnote marker (`¹`, `<sup>1</sup>`) with a source line on its slide becomes a link to
 *   that line (`<a class="is-fn-ref" href="#is-fn-S-N">`, the line gets the id): a tagged
 *   PDF then links each reference to its note.
 * - A top-level paragraph of images only gets `class="is-figure"`: the theme fits its images
 *   into the room left on the slide.
 * - `models` and `statistics` items: the dash after the bold lead is wrapped in
 *   `<span class="is-sep">`, so the theme can set the name/figure above its text.
 * - A `<!-- fit -->` heading and each code block get an inline size that fits them to the
 *   slide's width (src/core/render/auto-scaling.ts), as Marp's script would.
 * - Every slide gets `data-is-fit` (0–6): how far the theme shrinks body text to fit.
 * - Every slide gets the footer wordmark as live text: an empty, `aria-hidden`
 *   `<div class="is-wordmark">` whose text the theme draws from its custom properties, in
 *   the section that draws the footer (the slide, or Marpit's pseudo layer on a slide with
 *   an advanced background), marked `data-is-wordmark` so the theme drops the SVG there.
 * - With `env.isdeckResolveImage`, image sources are rewritten (or the image left out)
 *   before Marpit reads them, so background images are covered too.
 * - Marpit's advanced background images (`<figure>`) are a labelled `role="img"` when the
 *   image has alt text, else `aria-hidden`: a tagged PDF then has a figure with that text
 *   (Chromium writes it as `/Alt`) or an artifact, never a figure without alternative text.
 */
import { chartDataFromTable } from '../chart-data';
import type { ChartData } from '../chart-data';
import { chartHeights, renderChartSvg } from './chart-svg';
import { fitCodeStyle, fitHeadingStyle } from './auto-scaling';
import { chartRoom, type FitBlock, type FitItem, fitLevel, slideGeometry } from './fit';
import type { MarkdownIt, MdCoreState, MdInlineState, MdToken, MdTokenConstructor } from './markdown-it-types';
import { isSlideType, slideTypeDeclaration, type SlideType, type SlideTypeDeclaration } from '../slide-types';

export { chartDataFromTable, parseChartValue } from '../chart-data';
export type { ChartData, ChartSeries, ChartValue } from '../chart-data';


/**
 * Key of the render `env` that maps an image source to the source to draw, or `null` to
 * leave the image out.
 */
export const IMAGE_RESOLVER_ENV = 'isdeckResolveImage';
export type ImageResolver = (src: string) => string | null;

/**
 * The footer wordmark drawn as text. The element holds no text of its own: the theme draws
 * "Improvement **is.**" and "improvement service" as generated content from its custom
 * properties (`--is-wordmark-lead`, `--is-wordmark-accent`, `--is-wordmark-strapline`) at
 * the place and size of `themes/assets/wordmark.svg`, so the brand stays in the theme,
 * the checks of slide text (sizes, overflow) see only the author's text, and screen readers
 * skip it as they skip the SVG. Printed as Carlito text it costs far less than the SVG's
 * outlines on every page.
 */
export const WORDMARK_HTML = '<div class="is-wordmark" aria-hidden="true"><span></span></div>';
/** Attribute on the section holding the text wordmark: the theme drops the SVG wordmark there. */
export const WORDMARK_MARK = 'data-is-wordmark';

/**
 * Class of a paragraph that holds only images: the theme lets it take the room the rest of
 * the slide leaves and shrinks its images into it.
 */
export const FIGURE_CLASS = 'is-figure';

/** Key of the render `env` where the plugin leaves the text of the deck's first `#` heading. */
export const FIRST_H1_ENV = 'isdeckFirstH1';

const SUPERSCRIPT_START = /^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]|<sup>\s*\d)/u;
/** A bare `<sub>…</sub>` or `<sup>…</sup>` around plain text, kept as text (see `isTypographicPair`). */
const TYPOGRAPHIC_TEXT = /<(su[bp])>([^<*_`[\]\\]{1,100})<\/\1>/g;
const LEAD_DASH = /^(\s*[–—-]\s*)/u;

/** The house slide type of a Marpit slide_open token (its `class` directive). */
export function slideTypeOf(token: MdToken): SlideType {
  const directives = (token.meta?.marpitDirectives ?? {}) as { class?: unknown };
  const classes = typeof directives.class === 'string' ? directives.class.split(/\s+/) : [];
  return classes.find((c) => isSlideType(c)) ?? 'content';
}

/** Plain text of an inline token: text and code; line breaks as `\n`; images as nothing. */
export function inlineText(token: MdToken | undefined): string {
  if (!token?.children) return token?.content ?? '';
  let text = '';
  for (const child of token.children) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'html_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
    else if (child.type === 'marp_emoji' || child.type === 'marp_unicode_emoji') text += child.content || '□';
  }
  return text.replace(TYPOGRAPHIC_TEXT, '$2');
}

function closeIndex(tokens: MdToken[], open: number, end: number): number {
  const token = tokens[open];
  if (!token) return open;
  const closeType = token.type.replace(/_open$/, '_close');
  for (let j = open + 1; j < end; j++) {
    const t = tokens[j];
    if (t && t.type === closeType && t.level === token.level) return j;
  }
  return end - 1;
}

function splitLead(inline: MdToken | undefined): { lead: string | undefined; rest: string } {
  const children = inline?.children ?? [];
  if (children[0]?.type !== 'strong_open') return { lead: undefined, rest: inlineText(inline) };
  const close = children.findIndex((c) => c.type === 'strong_close');
  if (close < 0) return { lead: undefined, rest: inlineText(inline) };
  const lead = children
    .slice(1, close)
    .map((c) => c.content)
    .join('');
  const rest = inlineText({ ...inline, children: children.slice(close + 1) } as MdToken).replace(LEAD_DASH, '');
  return { lead, rest };
}

/** Wraps the dash after an item's bold lead in `<span class="is-sep">`. */
function wrapLeadSeparator(inline: MdToken | undefined, Token: MdTokenConstructor): void {
  const children = inline?.children;
  if (!children || children[0]?.type !== 'strong_open') return;
  const close = children.findIndex((c) => c.type === 'strong_close');
  const next = children[close + 1];
  if (close < 0 || next?.type !== 'text') return;
  const match = LEAD_DASH.exec(next.content);
  if (!match?.[1]) return;
  const open = new Token('span_open', 'span', 1);
  open.attrSet('class', 'is-sep');
  open.attrSet('aria-hidden', 'true');
  const sep = new Token('text', '', 0);
  sep.content = match[1];
  const shut = new Token('span_close', 'span', -1);
  next.content = next.content.slice(match[1].length);
  children.splice(close + 1, 0, open, sep, shut);
}

/** `<sup>1</sup>`, `H<sub>2</sub>O` kept as text (raw HTML is off) become a real superscript or subscript. */
function convertTypographicText(inline: MdToken, Token: MdTokenConstructor): void {
  const children = inline.children;
  if (!children) return;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (!child || child.type !== 'text' || !/<su[bp]>/.test(child.content)) continue;
    const parts: MdToken[] = [];
    let last = 0;
    for (const match of child.content.matchAll(TYPOGRAPHIC_TEXT)) {
      const index = match.index ?? 0;
      if (index > last) {
        const text = new Token('text', '', 0);
        text.content = child.content.slice(last, index);
        parts.push(text);
      }
      const tag = match[1] ?? 'sup';
      const inner = new Token('text', '', 0);
      inner.content = match[2] ?? '';
      parts.push(new Token(`${tag}_open`, tag, 1), inner, new Token(`${tag}_close`, tag, -1));
      last = index + match[0].length;
    }
    if (parts.length === 0) continue;
    if (last < child.content.length) {
      const text = new Token('text', '', 0);
      text.content = child.content.slice(last);
      parts.push(text);
    }
    children.splice(i, 1, ...parts);
  }
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu;

/** `²³` → 23. */
function superscriptNumber(run: string): number {
  return Number([...run].map((digit) => SUPERSCRIPT_DIGITS.indexOf(digit)).join(''));
}

/** The id of slide `slide`'s (0-based) footnote `n`'s source line. */
export function footnoteId(slide: number, n: number): string {
  return `is-fn-${slide + 1}-${n}`;
}

/** The number a footnote source line starts with: `¹ …` or `<sup>1</sup> …` (already a sup element). */
function sourceNumber(inline: MdToken | undefined): number | undefined {
  const [first, second] = inline?.children ?? [];
  if (first?.type === 'sup_open' && second?.type === 'text' && /^\d+$/.test(second.content)) return Number(second.content);
  const run = first?.type === 'text' ? /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u.exec(first.content.trimStart())?.[0] : undefined;
  return run ? superscriptNumber(run) : undefined;
}

function linkTokens(Token: MdTokenConstructor, href: string): [MdToken, MdToken] {
  const open = new Token('link_open', 'a', 1);
  open.attrSet('href', href);
  open.attrSet('class', 'is-fn-ref');
  return [open, new Token('link_close', 'a', -1)];
}

/** Wraps the markers of one inline token that have a source line (`ids`: number → id) in links to it. */
function linkMarkers(inline: MdToken, ids: ReadonlyMap<number, string>, Token: MdTokenConstructor): void {
  const children = inline.children ?? [];
  const out: MdToken[] = [];
  let inLink = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const digits = children[i + 1];
    if (child.type === 'link_open' || child.type === 'link_close') inLink += child.nesting;
    if (inLink > 0 || child.type === 'link_close') {
      out.push(child);
      continue;
    }
    if (child.type === 'sup_open' && digits?.type === 'text' && children[i + 2]?.type === 'sup_close' && ids.has(Number(digits.content))) {
      const [open, close] = linkTokens(Token, `#${ids.get(Number(digits.content))}`);
      out.push(open, child, digits, children[i + 2]!, close);
      i += 2;
      continue;
    }
    if (child.type !== 'text' || !/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(child.content)) {
      out.push(child);
      continue;
    }
    let last = 0;
    for (const match of child.content.matchAll(SUPERSCRIPT_RUN)) {
      const id = ids.get(superscriptNumber(match[0]));
      if (id === undefined) continue;
      const at = match.index ?? 0;
      const before = new Token('text', '', 0);
      before.content = child.content.slice(last, at);
      const marker = new Token('text', '', 0);
      marker.content = match[0];
      const [open, close] = linkTokens(Token, `#${id}`);
      out.push(before, open, marker, close);
      last = at + match[0].length;
    }
    const rest = new Token('text', '', 0);
    rest.content = child.content.slice(last);
    out.push(rest);
  }
  inline.children = out.filter((token) => token.type !== 'text' || token.content !== '');
}

/** Links the footnote markers of a slide (tokens `start`…`end`) to their source lines. */
function linkFootnotes(tokens: MdToken[], start: number, end: number, slide: number, Token: MdTokenConstructor): void {
  const ids = new Map<number, string>();
  const sources = new Set<MdToken>();
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    if (token.type !== 'paragraph_open' || !token.attrGet('class')?.includes('footnote-source')) continue;
    const inline = tokens[i + 1];
    const n = sourceNumber(inline);
    if (n === undefined || ids.has(n) || !inline) continue;
    ids.set(n, footnoteId(slide, n));
    token.attrSet('id', footnoteId(slide, n));
    sources.add(inline);
  }
  if (ids.size === 0) return;
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    if (token.type === 'inline' && !sources.has(token)) linkMarkers(token, ids, Token);
  }
}

interface SlideContext {
  index: number;
  declaration: SlideTypeDeclaration;
  size: string | undefined;
  title: string | undefined;
  Token: MdTokenConstructor;
  env: Record<string, unknown>;
  /** Insertions to make before token indices: index → tokens. */
  inserts: Map<number, MdToken[]>;
  /** The chart of a chart slide, drawn once the slide's fitting is known. */
  chart: { tableOpen: number; data: ChartData } | undefined;
}

function parseItems(tokens: MdToken[], open: number, close: number, ctx: SlideContext, depth: number): FitItem[] {
  const items: FitItem[] = [];
  for (let j = open + 1; j < close; j++) {
    const item = tokens[j];
    if (item?.type !== 'list_item_open') continue;
    const itemClose = closeIndex(tokens, j, close);
    let text = '';
    let firstInline: MdToken | undefined;
    const children: FitItem[] = [];
    for (let k = j + 1; k < itemClose; k++) {
      const t = tokens[k];
      if (!t) continue;
      if (t.type === 'inline' && t.level === item.level + 2) {
        firstInline ??= t;
        text += (text ? ' ' : '') + inlineText(t);
      } else if ((t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && t.level === item.level + 1) {
        const listClose = closeIndex(tokens, k, itemClose);
        children.push(...parseItems(tokens, k, listClose, ctx, depth + 1));
        k = listClose;
      }
    }
    const { lead, rest } = splitLead(firstInline);
    if (depth === 1 && ctx.declaration.render?.boldLeadItems) wrapLeadSeparator(firstInline, ctx.Token);
    items.push({ text, lead, rest, children });
    j = itemClose;
  }
  return items;
}

function tableRows(tokens: MdToken[], open: number, close: number): string[][] {
  const rows: string[][] = [];
  let row: string[] | undefined;
  for (let j = open + 1; j < close; j++) {
    const t = tokens[j];
    if (!t) continue;
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      rows.push(row);
      row = undefined;
    } else if (t.type === 'inline' && row) row.push(inlineText(t).replace(/\s+/g, ' ').trim());
  }
  return rows;
}

/** Records the chart of a chart slide's table; `false` when the table is not chart data. */
function planChart(tokens: MdToken[], open: number, close: number, ctx: SlideContext, blocks: FitBlock[]): boolean {
  const [header, ...body] = tableRows(tokens, open, close);
  const data = header ? chartDataFromTable(header, body) : undefined;
  if (!data) return false;
  const heights = chartHeights(data, slideGeometry(ctx.size, ctx.declaration.fit).width);
  ctx.chart = { tableOpen: open, data };
  blocks.push({ kind: 'chart', min: heights.min, natural: heights.natural });
  return true;
}

/** Draws the planned chart into the room the rest of the slide leaves, before its table. */
function drawChart(ctx: SlideContext, blocks: FitBlock[], level: number): void {
  if (!ctx.chart) return;
  const room = chartRoom(ctx.declaration.fit, blocks, ctx.size, level);
  const svg = renderChartSvg(ctx.chart.data, {
    title: ctx.title ?? 'Chart',
    width: slideGeometry(ctx.size, ctx.declaration.fit).width,
    idPrefix: `is-chart-${ctx.index + 1}`,
    maxHeight: Math.max(0, Math.floor(room)),
  });
  const token = new ctx.Token('isdeck_chart', 'svg', 0);
  token.block = true;
  token.content = svg;
  token.meta = { chart: ctx.chart.data };
  ctx.inserts.set(ctx.chart.tableOpen, [token]);
}

/** Walks one slide's tokens: collects the blocks for fitting and applies the house marks. */
function processSlide(tokens: MdToken[], start: number, end: number, ctx: SlideContext): FitBlock[] {
  const blocks: FitBlock[] = [];
  let chartDone = false;
  const baseLevel = tokens[start]?.level ?? 0;
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    if (!t || t.level !== baseLevel) continue;
    switch (t.type) {
      case 'heading_open': {
        const text = inlineText(tokens[i + 1]);
        const fitted = t.meta?.marpAutoScaling === true ? fitHeadingStyle(text) : undefined;
        if (fitted) t.attrSet('style', fitted);
        blocks.push({ kind: 'heading', level: Number(t.tag.slice(1)) || 2, text });
        if (ctx.title === undefined && t.tag !== 'h1') ctx.title = text.replace(/\s+/g, ' ').trim();
        if (t.tag === 'h1' && ctx.env[FIRST_H1_ENV] === undefined) ctx.env[FIRST_H1_ENV] = text.replace(/\s+/g, ' ').trim();
        i = closeIndex(tokens, i, end);
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const text = inlineText(inline);
        const source = inline?.content.trimStart() ?? '';
        const footnote = !t.hidden && SUPERSCRIPT_START.test(source);
        if (footnote) t.attrJoin('class', 'footnote-source');
        const image = (inline?.children ?? []).some((c) => c.type === 'image') && text.trim() === '';
        if (image && !t.hidden) t.attrJoin('class', FIGURE_CLASS);
        blocks.push({ kind: 'paragraph', text, footnote, image });
        i = closeIndex(tokens, i, end);
        break;
      }
      case 'blockquote_open': {
        const close = closeIndex(tokens, i, end);
        const paragraphs: string[] = [];
        for (let j = i + 1; j < close; j++) {
          const inner = tokens[j];
          if (inner?.type === 'inline') paragraphs.push(inlineText(inner));
        }
        blocks.push({ kind: 'quote', paragraphs });
        i = close;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = closeIndex(tokens, i, end);
        blocks.push({ kind: 'list', ordered: t.type === 'ordered_list_open', items: parseItems(tokens, i, close, ctx, 1) });
        i = close;
        break;
      }
      case 'table_open': {
        const close = closeIndex(tokens, i, end);
        const charted = ctx.declaration.render?.tableAsChart === true && !chartDone && planChart(tokens, i, close, ctx, blocks);
        chartDone ||= ctx.declaration.render?.tableAsChart === true;
        if (!charted) blocks.push({ kind: 'table', rows: tableRows(tokens, i, close) });
        i = close;
        break;
      }
      case 'fence':
      case 'code_block': {
        blocks.push({ kind: 'code', lines: t.content.split('\n').length });
        const fitted = fitCodeStyle(t.content);
        if (fitted) t.attrSet('style', fitted);
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

function wordmarkToken(Token: MdTokenConstructor): MdToken {
  const token = new Token('isdeck_wordmark', 'div', 0);
  token.block = true;
  return token;
}

/**
 * Queues the text wordmark at the end of each section that draws the footer: a slide, or
 * on a slide with an advanced background (`![bg]`) Marpit's pseudo layer, which draws the
 * footer there (the content layer's `::after` is hidden and may be narrowed by a split).
 */
function addWordmarks(tokens: MdToken[], Token: MdTokenConstructor, inserts: Map<number, MdToken[]>): void {
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const slide = t.type === 'marpit_slide_open' && t.attrGet('data-marpit-advanced-background') !== 'content';
    if (slide || t.type === 'marpit_advanced_pseudo_section_open') {
      t.attrSet(WORDMARK_MARK, 'text');
      open = true;
    } else if (open && (t.type === 'marpit_slide_close' || t.type === 'marpit_advanced_pseudo_section_close')) {
      open = false;
      inserts.set(i, [...(inserts.get(i) ?? []), wordmarkToken(Token)]);
    }
  }
}

/** Background figures: labelled by their alt text, or hidden from assistive technology when they have none. */
function labelBackgroundImages(tokens: MdToken[]): void {
  for (const token of tokens) {
    if (token.type !== 'marpit_advanced_background_image_open') continue;
    const alt = (token.meta as { marpitBackgroundAlt?: unknown } | undefined)?.marpitBackgroundAlt;
    if (typeof alt === 'string' && alt.trim()) {
      token.attrSet('role', 'img');
      token.attrSet('aria-label', alt.trim());
    } else {
      token.attrSet('aria-hidden', 'true');
    }
  }
}

function houseCoreRule(state: MdCoreState): void {
  if (state.inlineMode) return;
  const { tokens } = state;
  labelBackgroundImages(tokens);
  for (const token of tokens) {
    if (token.type === 'inline' && token.children?.some((c) => c.type === 'text' && c.content.includes('<sup>'))) {
      convertTypographicText(token, state.Token);
    }
  }
  const inserts = new Map<number, MdToken[]>();
  let slideIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open?.type !== 'marpit_slide_open') continue;
    let close = i + 1;
    while (close < tokens.length && tokens[close]?.type !== 'marpit_slide_close') close++;
    const ctx: SlideContext = {
      index: slideIndex,
      declaration: slideTypeDeclaration(slideTypeOf(open)),
      size: open.attrGet('data-size') ?? undefined,
      title: undefined,
      Token: state.Token,
      env: state.env ?? {},
      inserts,
      chart: undefined,
    };
    const blocks = processSlide(tokens, i + 1, close, ctx);
    linkFootnotes(tokens, i + 1, close, slideIndex, state.Token);
    const level = fitLevel(ctx.declaration.fit, blocks, ctx.size);
    open.attrSet('data-is-fit', String(level));
    drawChart(ctx, blocks, level);
    slideIndex += 1;
    i = close;
  }
  addWordmarks(tokens, state.Token, inserts);
  insertAll(tokens, inserts);
}

/**
 * Puts each list of new tokens before the token at its index, in one pass (a splice per slide
 * would move the whole array each time); in place, as later rules hold the array.
 */
function insertAll(tokens: MdToken[], inserts: Map<number, MdToken[]>): void {
  if (inserts.size === 0) return;
  const merged: MdToken[] = [];
  tokens.forEach((token, index) => {
    for (const inserted of inserts.get(index) ?? []) merged.push(inserted);
    merged.push(token);
  });
  tokens.length = 0;
  for (const token of merged) tokens.push(token);
}

function imageSourceRule(state: MdInlineState): void {
  const resolve = state.env?.[IMAGE_RESOLVER_ENV] as ImageResolver | undefined;
  if (typeof resolve !== 'function') return;
  for (let i = state.tokens.length - 1; i >= 0; i--) {
    const token = state.tokens[i];
    if (token?.type !== 'image') continue;
    const src = token.attrGet('src') ?? '';
    const resolved = resolve(src);
    if (resolved === null) state.tokens.splice(i, 1);
    else if (resolved !== src) token.attrSet('src', resolved);
  }
}

/** The house markdown-it plugin: `marp.use(housePlugin)`. */
export function housePlugin(md: MarkdownIt): void {
  // After every Marpit rule that shapes slides, before Marpit collects each slide's tokens.
  try {
    md.core.ruler.before('marpit_collect', 'isdeck_house', houseCoreRule);
  } catch {
    md.core.ruler.push('isdeck_house', houseCoreRule);
  }
  try {
    md.inline.ruler2.before('marpit_parse_image', 'isdeck_image_source', imageSourceRule);
  } catch {
    md.inline.ruler2.push('isdeck_image_source', imageSourceRule);
  }
  md.renderer.rules.isdeck_chart = (tokens, idx) => tokens[idx]?.content ?? '';
  md.renderer.rules.isdeck_wordmark = () => `${WORDMARK_HTML}\n`;
}
