/**
 * The house markdown-it plugin, applied to the Marp instance after Marpit's own rules.
 * Everything is done on markdown-it tokens (never by rewriting HTML):
 *
 * - `chart` slides: the slide's first table becomes an inline SVG bar chart, inserted before
 *   the table; the table stays in the HTML (the theme hides it visually).
 * - A top-level paragraph that begins with a superscript digit (`¹`…`⁹`, or the text
 *   `<sup>1</sup>`, which raw-HTML-off Markdown keeps as text) gets `class="footnote-source"`.
 * - The text `<sup>n</sup>` becomes a real `<sup>` element (digits only; raw HTML stays off).
 * - `models` and `statistics` items: the dash after the bold lead is wrapped in
 *   `<span class="is-sep">`, so the theme can set the name/figure above its text.
 * - Every slide gets `data-is-fit` (0–6): how far the theme shrinks body text to fit.
 * - Every slide gets the footer wordmark as live text: an empty, `aria-hidden`
 *   `<div class="is-wordmark">` whose text the theme draws from its custom properties, in
 *   the section that draws the footer (the slide, or Marpit's pseudo layer on a slide with
 *   an advanced background), marked `data-is-wordmark` so the theme drops the SVG there.
 * - With `env.isdeckResolveImage`, image sources are rewritten (or the image left out)
 *   before Marpit reads them, so background images are covered too.
 */
import { chartDataFromTable } from '../chart-data';
import type { ChartData } from '../chart-data';
import { chartHeights, renderChartSvg } from './chart-svg';
import { chartRoom, type FitBlock, type FitItem, fitLevel, slideGeometry } from './fit';
import type { MarkdownIt, MdCoreState, MdInlineState, MdToken, MdTokenConstructor } from './markdown-it-types';
import { isSlideType } from '../deck/types';

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

/** Key of the render `env` where the plugin leaves the text of the deck's first `#` heading. */
export const FIRST_H1_ENV = 'isdeckFirstH1';

const SUPERSCRIPT_START = /^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]|<sup>\s*\d)/u;
const SUP_TEXT = /<sup>(\d{1,3})<\/sup>/g;
const LEAD_DASH = /^(\s*[–—-]\s*)/u;

/** The house slide type of a Marpit slide_open token (its `class` directive). */
export function slideTypeOf(token: MdToken): string {
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
  return text.replace(SUP_TEXT, '$1');
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

/** `<sup>1</sup>` kept as text (raw HTML is off) becomes a real superscript. */
function convertSupText(inline: MdToken, Token: MdTokenConstructor): void {
  const children = inline.children;
  if (!children) return;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (!child || child.type !== 'text' || !child.content.includes('<sup>')) continue;
    const parts: MdToken[] = [];
    let last = 0;
    for (const match of child.content.matchAll(SUP_TEXT)) {
      const index = match.index ?? 0;
      if (index > last) {
        const text = new Token('text', '', 0);
        text.content = child.content.slice(last, index);
        parts.push(text);
      }
      const digits = new Token('text', '', 0);
      digits.content = match[1] ?? '';
      parts.push(new Token('sup_open', 'sup', 1), digits, new Token('sup_close', 'sup', -1));
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

interface SlideContext {
  index: number;
  type: string;
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
    if (depth === 1 && (ctx.type === 'models' || ctx.type === 'statistics')) wrapLeadSeparator(firstInline, ctx.Token);
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
  const heights = chartHeights(data, slideGeometry(ctx.size, ctx.type).width);
  ctx.chart = { tableOpen: open, data };
  blocks.push({ kind: 'chart', min: heights.min, natural: heights.natural });
  return true;
}

/** Draws the planned chart into the room the rest of the slide leaves, before its table. */
function drawChart(ctx: SlideContext, blocks: FitBlock[], level: number): void {
  if (!ctx.chart) return;
  const room = chartRoom(ctx.type, blocks, ctx.size, level);
  const svg = renderChartSvg(ctx.chart.data, {
    title: ctx.title ?? 'Chart',
    width: slideGeometry(ctx.size, ctx.type).width,
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
        const charted = ctx.type === 'chart' && !chartDone && planChart(tokens, i, close, ctx, blocks);
        chartDone ||= ctx.type === 'chart';
        if (!charted) blocks.push({ kind: 'table', rows: tableRows(tokens, i, close) });
        i = close;
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', lines: t.content.split('\n').length });
        break;
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

function houseCoreRule(state: MdCoreState): void {
  if (state.inlineMode) return;
  const { tokens } = state;
  for (const token of tokens) {
    if (token.type === 'inline' && token.children?.some((c) => c.type === 'text' && c.content.includes('<sup>'))) {
      convertSupText(token, state.Token);
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
      type: slideTypeOf(open),
      size: open.attrGet('data-size') ?? undefined,
      title: undefined,
      Token: state.Token,
      env: state.env ?? {},
      inserts,
      chart: undefined,
    };
    const blocks = processSlide(tokens, i + 1, close, ctx);
    const level = fitLevel(ctx.type, blocks, ctx.size);
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
