import { COVER_PAD_TOP_PX, HOUSE_BANDS_PX, HOUSE_MIN_POINTS, HOUSE_SIZE_PX, px, pxToPoints, SLIDE_PX, TITLE_BAR_PX } from '../../house-geometry';
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

/** The slide sizes in inches (13.333 × 7.5 and 10 × 7.5), rounded as PowerPoint's own 16:9. */
export const SLIDE_SIZES = {
  '16:9': { width: Math.round(px(SLIDE_PX['16:9'].width) * 1000) / 1000, height: px(SLIDE_PX['16:9'].height) },
  '4:3': { width: px(SLIDE_PX['4:3'].width), height: px(SLIDE_PX['4:3'].height) },
} as const;

/** Share of the content width the picture column takes, and the gap between it and the text. */
export const PICTURE_COLUMN = { share: 0.4, gap: 0.3 } as const;

export { px };

/** The theme's `h2` line height, and how far Carlito's glyphs reach past a line box that tight (its ascent + descent is 1.22 em). */
const TITLE_LINE = 1.1;
const GLYPH_OVERHANG = (LINE_HEIGHT - TITLE_LINE) / 2;

export function slideGeometry(size: '16:9' | '4:3'): SlideGeometry {
  const { width, height } = SLIDE_SIZES[size];
  const { padX, titleSize: titlePx, baseSize: basePx } = HOUSE_SIZE_PX[size];
  const margin = px(padX);
  const inner = width - 2 * margin;
  const headerHeight = px(HOUSE_BANDS_PX.header);
  const accentHeight = px(HOUSE_BANDS_PX.accent);
  const footerHeight = px(HOUSE_BANDS_PX.footer);
  const footerTop = height - footerHeight;
  // The theme: the title's line box starts --is-pad-top under the bands, its bar
  // --is-title-bar-gap under the line box, the content 0.55em under the bar.
  const titleTop = headerHeight + accentHeight + px(HOUSE_BANDS_PX.padTop);
  const titleBottom = titleTop + px(titlePx * (TITLE_LINE + GLYPH_OVERHANG));
  const barTop = titleTop + px(titlePx * TITLE_LINE + TITLE_BAR_PX.gap);
  const bodyTop = barTop + px(TITLE_BAR_PX.height + titlePx * 0.55);
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
    titleBar: { x: margin, y: barTop, w: px(TITLE_BAR_PX.width), h: px(TITLE_BAR_PX.height) },
    body: { x: margin, y: bodyTop, w: inner, h: footerTop - px(HOUSE_BANDS_PX.padBottom) - bodyTop },
    sizes: {
      title: { max: pxToPoints(titlePx), min: HOUSE_MIN_POINTS.title },
      body: { max: pxToPoints(basePx), min: HOUSE_MIN_POINTS.body },
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
  const panelWidth = px(HOUSE_SIZE_PX[geometry.size].coverPanel);
  const top = geometry.accent.y + geometry.accent.h;
  const panel = { x: geometry.width - panelWidth, y: top, w: panelWidth, h: geometry.footer.y - top };
  const columnTop = top + px(COVER_PAD_TOP_PX);
  const column = {
    x: geometry.margin,
    y: columnTop,
    w: geometry.width - 2 * geometry.margin - panelWidth + geometry.margin - px(48),
    h: geometry.footer.y - px(HOUSE_BANDS_PX.padBottom) - columnTop,
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
