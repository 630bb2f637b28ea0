/**
 * Text fitting without a browser: estimates how tall a slide's content is at each step of
 * the theme's fitting ladder (`data-is-fit` in themes/improvement-service.css) and picks the
 * first step at which it fits between the header and footer bands.
 *
 * Slide sizes, bands, margins and type sizes come from core/house-geometry.ts (checked against the
 * theme's CSS); line heights mirror the theme's CSS; the width of text is
 * estimated from an average advance of Carlito (metric-compatible with Calibri). It errs
 * on the large side: the browser test (test/render/browser.test.ts) is the referee.
 */

import { CARLITO_AVERAGE_EM, HOUSE_BANDS_PX, HOUSE_SIZE_PX, SLIDE_PX } from '../house-geometry';

/** Body-text scale at each fitting step; index = the `data-is-fit` value. */
export const FIT_SCALES = [1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6] as const;

export interface SlideGeometry {
  /** Content box width in CSS px. */
  width: number;
  /** Content box height in CSS px (between the bands, less padding). */
  height: number;
  baseSize: number;
  titleSize: number;
}

/** How a slide type's content is measured; each type's declaration (src/core/slide-types) has one. */
export interface SlideFit {
  /** Top padding of the content box in CSS px, when the type's CSS sets its own. */
  paddingTop?: number;
  /** Estimated content height of a slide of the type at body size `f` (px). */
  height(blocks: FitBlock[], f: number, g: SlideGeometry): number;
}

/** The fit of a slide whose blocks simply flow down the slide (content, and any class the house does not know). */
export const FLOW_FIT: SlideFit = { height: (blocks, f, g) => flowHeight(blocks, f, g) };

/** Content box of a slide of the given Marp size and type, as the theme lays it out. */
export function slideGeometry(size: string | undefined, fit: SlideFit): SlideGeometry {
  const houseSize = size === '4:3' ? '4:3' : '16:9';
  const slide = SLIDE_PX[houseSize];
  const { padX, baseSize, titleSize } = HOUSE_SIZE_PX[houseSize];
  const { header, accent, footer, padTop, padBottom } = HOUSE_BANDS_PX;
  return {
    width: slide.width - 2 * padX,
    // The theme's top padding of the content box, unless the type's fit sets its own.
    height: slide.height - header - accent - (fit.paddingTop ?? padTop) - footer - padBottom,
    baseSize,
    titleSize,
  };
}

export interface FitItem {
  /** Item text (own text, nested lists excluded). */
  text: string;
  /** Bold lead (`**Name**`) when the item starts with one. */
  lead: string | undefined;
  /** The rest of the item after the lead and its dash. */
  rest: string;
  children: FitItem[];
}

export type FitBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; footnote: boolean; image: boolean }
  | { kind: 'quote'; paragraphs: string[] }
  | { kind: 'list'; ordered: boolean; items: FitItem[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'chart'; min: number; natural: number }
  | { kind: 'code'; lines: number };

/** Margin around a chart, in em (theme: `svg.is-chart { margin: 0.2em 0 0.5em }`). */
export const CHART_MARGIN = 0.7;

/** Average advance of Carlito text in em: a little generous. */
const CHAR_EM: number = CARLITO_AVERAGE_EM.generous;
export const BOLD_EM = CARLITO_AVERAGE_EM.bold;

/** Lines a text wraps to at `fontSize` in a box `width` wide (greedy, by words). */
export function estimateLines(text: string, fontSize: number, width: number, em = CHAR_EM): number {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return 1;
  const space = 0.23 * fontSize;
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = [...word].length * em * fontSize;
    if (used > 0 && used + space + w > width) {
      lines += 1;
      used = Math.min(w, width);
      // A single word wider than the box breaks over several lines.
      if (w > width) lines += Math.ceil(w / width) - 1;
    } else {
      used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

function titleHeight(text: string, g: SlideGeometry): number {
  const t = g.titleSize;
  return estimateLines(text, t, g.width, BOLD_EM) * t * 1.1 + 12 + 0.55 * t;
}

export function itemsHeight(items: FitItem[], f: number, width: number, depth: number): number {
  let h = 0;
  for (const item of items) {
    const indent = depth === 1 ? 1.3 * f : 1.2 * f;
    h += estimateLines(item.text, f, width - indent) * f * 1.3 + (depth === 1 ? 0.32 : 0.15) * f;
    if (item.children.length > 0) {
      const fc = 0.86 * f;
      h += 0.35 * fc + itemsHeight(item.children, fc, width - indent, depth + 1);
    }
  }
  return h;
}

export function tableHeight(rows: string[][], ft: number, width: number, columnWidths?: number[]): number {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  let h = 0;
  for (const [i, row] of rows.entries()) {
    let lines = 1;
    row.forEach((cell, c) => {
      const w = (columnWidths?.[c] ?? width / columns) - 1.2 * ft;
      lines = Math.max(lines, estimateLines(cell, ft, w, i === 0 ? BOLD_EM : CHAR_EM));
    });
    h += lines * ft * 1.25 + 0.7 * ft + 1;
  }
  return h + 0.6 * ft;
}

/** Height of a run of ordinary blocks (content, chart and fallback layouts). */
export function flowHeight(blocks: FitBlock[], f: number, g: SlideGeometry, paragraphScale = 1): number {
  let h = 0;
  let previous: FitBlock | undefined;
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        if (block.level <= 2) h += titleHeight(block.text, g);
        else {
          const fh = 1.05 * f;
          h += estimateLines(block.text, fh, g.width, BOLD_EM) * fh * 1.1 + 0.6 * fh;
          if (previous?.kind === 'heading' && previous.level === 2) h -= 0.3 * fh;
        }
        break;
      case 'paragraph':
        if (block.image) h += 200;
        else if (block.footnote) {
          const fs = Math.max(15, 0.58 * f);
          h += estimateLines(block.text, fs, g.width) * fs * 1.25 + 0.35 * fs;
        } else {
          const fp = f * paragraphScale;
          h += estimateLines(block.text, fp, g.width) * fp * 1.3 + 0.5 * fp;
        }
        break;
      case 'quote': {
        const fq = 1.04 * f;
        const inner = g.width - 8 - 1.7 * fq;
        for (const p of block.paragraphs) h += estimateLines(p, fq, inner, BOLD_EM) * fq * 1.25;
        h += (block.paragraphs.length - 1) * 0.5 * fq + 0.9 * fq + 0.9 * fq;
        break;
      }
      case 'list':
        h += itemsHeight(block.items, f, g.width, 1) + 0.5 * f;
        break;
      case 'table':
        h += tableHeight(block.rows, 0.82 * f, g.width);
        break;
      case 'chart':
        // The chart is drawn to the room left (bars thinner, down to a floor): count its least height.
        h += block.min + CHART_MARGIN * f;
        break;
      case 'code':
        h += block.lines * 0.7 * f * 1.35 + 1.2 * 0.7 * f + 0.5 * f;
        break;
    }
    previous = block;
  }
  return h;
}

function afterTitle(blocks: FitBlock[]): FitBlock[] {
  const first = blocks[0];
  return first?.kind === 'heading' && first.level <= 2 ? blocks.slice(1) : blocks;
}

export function firstList(blocks: FitBlock[]): Extract<FitBlock, { kind: 'list' }> | undefined {
  return blocks.find((b): b is Extract<FitBlock, { kind: 'list' }> => b.kind === 'list');
}

/** Room left for a chart on a slide fitted at `level`: the content height less everything else. */
export function chartRoom(fit: SlideFit, blocks: FitBlock[], size: string | undefined, level: number): number {
  const g = slideGeometry(size, fit);
  const f = g.baseSize * (FIT_SCALES[level] ?? 1);
  const others = blocks.filter((b) => b.kind !== 'chart');
  return g.height - fit.height(others, f, g) - CHART_MARGIN * f;
}

/** The first fitting step (0 = no shrinking) at which the slide's content fits. */
export function fitLevel(fit: SlideFit, blocks: FitBlock[], size: string | undefined): number {
  const g = slideGeometry(size, fit);
  if (afterTitle(blocks).length === 0) return 0;
  for (let level = 0; level < FIT_SCALES.length; level++) {
    const f = g.baseSize * (FIT_SCALES[level] ?? 1);
    if (fit.height(blocks, f, g) <= g.height) return level;
  }
  return FIT_SCALES.length - 1;
}
