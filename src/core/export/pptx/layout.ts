import { LINE_HEIGHT } from './fit';

/** A box on the slide, in inches from the top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the house furniture and the content sit on one slide size (the theme's bands, in inches). */
export interface SlideGeometry {
  /** The pptxgenjs layout name. */
  name: 'IS_16x9' | 'IS_4x3';
  size: '16:9' | '4:3';
  width: number;
  height: number;
  /** Left and right padding (--is-pad-x). */
  margin: number;
  /** Navy band with the tagline (--is-header-height). */
  header: Box;
  /** Teal rule under the band (--is-accent-height). */
  accent: Box;
  /** White band with the wordmark and page number (--is-footer-height). */
  footer: Box;
  wordmark: Box;
  slideNumber: Box;
  /** Where the theme's content starts under the bands (--is-pad-top below them): the top of the title's line. */
  contentTop: number;
  /** The title's box: its last line sits where the theme's one-line `##` title sits; a second line goes up. */
  title: Box;
  /** The teal bar under the title (`h2::after`). */
  titleBar: Box;
  /** Content area under the title and its teal bar, above the footer. */
  body: Box;
  /** Title and body text sizes in points (--is-title-size and --is-base-size of the slide size). */
  sizes: { title: { max: number; min: number }; body: { max: number; min: number } };
}

export const SLIDE_SIZES = {
  '16:9': { width: 13.333, height: 7.5 },
  '4:3': { width: 10, height: 7.5 },
} as const;

/** Share of the content width the picture column takes, and the gap between it and the text. */
export const PICTURE_COLUMN = { share: 0.4, gap: 0.3 } as const;

/** px of the theme's 1280 × 720 (or 960 × 720) slide to inches. */
export const px = (value: number) => value / 96;

/** The theme's `h2` line height, and how far Carlito's glyphs reach past a line box that tight (its ascent + descent is 1.22 em). */
const TITLE_LINE = 1.1;
const GLYPH_OVERHANG = (LINE_HEIGHT - TITLE_LINE) / 2;

export function slideGeometry(size: '16:9' | '4:3'): SlideGeometry {
  const { width, height } = SLIDE_SIZES[size];
  const margin = px(size === '16:9' ? 64 : 48);
  const titlePx = size === '16:9' ? 44 : 40; // --is-title-size
  const basePx = size === '16:9' ? 28 : 26; // --is-base-size
  const inner = width - 2 * margin;
  const headerHeight = px(40);
  const accentHeight = px(4);
  const footerHeight = px(64);
  const footerTop = height - footerHeight;
  // The theme: the title's line box starts --is-pad-top (34px) under the bands, its bar 12px under
  // the line box, the content 0.55em under the bar.
  const titleTop = headerHeight + accentHeight + px(34);
  const titleBottom = titleTop + px(titlePx * (TITLE_LINE + GLYPH_OVERHANG));
  const barTop = titleTop + px(titlePx * TITLE_LINE + 12);
  const bodyTop = barTop + px(4 + titlePx * 0.55);
  const titleBoxTop = headerHeight + accentHeight + px(4);
  return {
    name: size === '16:9' ? 'IS_16x9' : 'IS_4x3',
    size,
    width,
    height,
    margin,
    header: { x: 0, y: 0, w: width, h: headerHeight },
    accent: { x: 0, y: headerHeight, w: width, h: accentHeight },
    footer: { x: 0, y: footerTop, w: width, h: footerHeight },
    wordmark: { x: margin, y: footerTop + 0.07, w: 3, h: footerHeight - 0.12 },
    slideNumber: { x: width - margin - 1.5, y: footerTop, w: 1.5, h: footerHeight },
    contentTop: titleTop,
    title: { x: margin, y: titleBoxTop, w: inner, h: titleBottom - titleBoxTop },
    titleBar: { x: margin, y: barTop, w: px(72), h: px(4) },
    body: { x: margin, y: bodyTop, w: inner, h: footerTop - px(16) - bodyTop },
    sizes: {
      title: { max: titlePx * 0.75, min: 24 },
      body: { max: basePx * 0.75, min: 13 },
    },
  };
}

/** Where a cover puts its parts (the theme's `section.cover`). */
export interface CoverGeometry {
  /** The tinted panel down the right edge, between the bands. */
  panel: Box;
  /** Its teal edge. */
  edge: Box;
  /** The text column left of the panel, from the cover's top padding to the footer's. */
  column: Box;
  /** The deck title's box when series and date stand above it. */
  title: Box;
}

export function coverGeometry(geometry: SlideGeometry): CoverGeometry {
  const panelWidth = px(geometry.size === '16:9' ? 264 : 150); // --is-cover-panel
  const top = geometry.accent.y + geometry.accent.h;
  const panel = { x: geometry.width - panelWidth, y: top, w: panelWidth, h: geometry.footer.y - top };
  const columnTop = top + px(44); // the cover's --is-pad-top
  const column = {
    x: geometry.margin,
    y: columnTop,
    w: geometry.width - 2 * geometry.margin - panelWidth + geometry.margin - px(48),
    h: geometry.footer.y - px(16) - columnTop,
  };
  // Series and date: two lines of 22px at line height 1.35, then 0.9em.
  const titleTop = columnTop + px(2 * 22 * 1.35 + 0.9 * 22);
  return {
    panel,
    edge: { x: panel.x - px(6), y: top, w: px(6), h: panel.h },
    column,
    title: { x: column.x, y: titleTop, w: column.w, h: 1.75 },
  };
}

/** The part of `box` from `top` down. */
export function below(box: Box, top: number): Box {
  return { x: box.x, y: top, w: box.w, h: Math.max(0, box.y + box.h - top) };
}

/** The part of `box` above `bottom`. */
export function above(box: Box, bottom: number): Box {
  return { x: box.x, y: box.y, w: box.w, h: Math.max(0, bottom - box.y) };
}
