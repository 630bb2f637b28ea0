import type { Deck } from '../../deck/types';

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
  title: Box;
  /** Content area under the title and its teal bar, above the footer. */
  body: Box;
}

export const SLIDE_SIZES = {
  '16:9': { width: 13.333, height: 7.5 },
  '4:3': { width: 10, height: 7.5 },
} as const;

/** `size` from the front-matter: `4:3`, otherwise the house default `16:9`. */
export function deckSize(deck: Deck): '16:9' | '4:3' {
  return deck.frontMatter?.data.size === '4:3' ? '4:3' : '16:9';
}

/** px of the theme's 1280 × 720 (or 960 × 720) slide to inches. */
const px = (value: number) => value / 96;

export function slideGeometry(size: '16:9' | '4:3'): SlideGeometry {
  const { width, height } = SLIDE_SIZES[size];
  const margin = px(size === '16:9' ? 64 : 48);
  const inner = width - 2 * margin;
  const headerHeight = px(40);
  const accentHeight = px(4);
  const footerHeight = px(64);
  const footerTop = height - footerHeight;
  const titleTop = headerHeight + accentHeight + px(24);
  const titleHeight = 0.95;
  const bodyTop = titleTop + titleHeight + 0.22;
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
    title: { x: margin, y: titleTop, w: inner, h: titleHeight },
    body: { x: margin, y: bodyTop, w: inner, h: footerTop - px(16) - bodyTop },
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
