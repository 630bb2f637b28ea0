/**
 * House geometry and text metrics, in one place: the slide sizes, the theme's bands, margins
 * and type sizes (the `--is-…` custom properties of themes/improvement-service.css, in CSS px),
 * the house minimum font sizes, the px → inch → point conversions and Carlito's advance widths.
 * The browserless fitter (render/fit.ts), the chart drawer (render/chart-svg.ts) and the
 * PowerPoint layout and fitting (export/pptx/layout.ts, fit.ts, stage-fit.ts) derive from it;
 * test/core/house-geometry.test.ts reads the theme's CSS and fails when the two drift apart.
 */
import { CARLITO_WIDTHS } from './render/carlito-widths';

export type HouseSlideSize = '16:9' | '4:3';

/** CSS px an inch (the theme's px at a 13.333 in × 7.5 in slide) and points an inch. */
export const PX_PER_INCH = 96;
export const POINTS_PER_INCH = 72;

/** px of the theme's slide to inches. */
export const px = (value: number): number => value / PX_PER_INCH;
/** px of the theme's slide to points (× 0.75). */
export const pxToPoints = (value: number): number => (value * POINTS_PER_INCH) / PX_PER_INCH;

/** The theme's slide (`section { width; height }` and `section[data-size='4:3']`), in CSS px. */
export const SLIDE_PX: Readonly<Record<HouseSlideSize, { width: number; height: number }>> = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 960, height: 720 },
};

/** The slide frame, the same on both sizes (CSS px). */
export const HOUSE_BANDS_PX = {
  /** --is-header-height: navy band with the tagline. */
  header: 40,
  /** --is-accent-height: teal rule under the band. */
  accent: 4,
  /** --is-footer-height: white band with the wordmark and page number. */
  footer: 64,
  /** --is-pad-top: content padding below the bands. */
  padTop: 34,
  /** --is-pad-bottom: content padding above the footer band. */
  padBottom: 16,
} as const;

/** The accent rule under a slide title (`section > h2::after`), drawn the same on every slide type. */
export const TITLE_BAR_PX = {
  /** --is-title-bar-width */
  width: 72,
  /** --is-title-bar-height */
  height: 4,
  /** --is-title-bar-gap: between the title's line box and the rule. */
  gap: 12,
} as const;

/** The cover's own top padding (`section.cover { --is-pad-top }`, CSS px). */
export const COVER_PAD_TOP_PX = 44;

/** What differs between the sizes (CSS px): side padding, body and title sizes, the cover's panel. */
export interface HouseSizeGeometry {
  /** --is-pad-x */
  padX: number;
  /** --is-base-size: body text before fitting. */
  baseSize: number;
  /** --is-title-size */
  titleSize: number;
  /** --is-cover-panel: the tinted panel down a cover's right edge. */
  coverPanel: number;
}

export const HOUSE_SIZE_PX: Readonly<Record<HouseSlideSize, HouseSizeGeometry>> = {
  '16:9': { padX: 64, baseSize: 28, titleSize: 44, coverPanel: 264 },
  '4:3': { padX: 48, baseSize: 26, titleSize: 40, coverPanel: 150 },
};

/** The smallest text a drawn slide may hold (`min-font-size`'s default), in CSS px on the 16:9 slide: read from the back of a room. */
export const HOUSE_MIN_READABLE_PX = 18;

/** The house minimum font sizes in points: a long title or body text shrinks no further. */
export const HOUSE_MIN_POINTS = { title: 24, body: 13 } as const;

/**
 * Carlito's advance widths (metric-compatible with Calibri, so the same for PowerPoint and
 * LibreOffice) in thousandths of an em, regular and bold, by code point: generated from the
 * font by scripts/carlito-widths.mjs into render/carlito-widths.ts.
 */
export { CARLITO_WIDTHS };

/** Width of a character the table does not hold (wide enough to err on the safe side). */
const UNKNOWN_WIDTH = 560;

/** Advance of `ch` in thousandths of an em (a safe overestimate for a character the table lacks). */
export function carlitoAdvance(ch: string, bold = false): number {
  return (bold ? CARLITO_WIDTHS.bold : CARLITO_WIDTHS.regular).get(ch.codePointAt(0) ?? 0) ?? UNKNOWN_WIDTH;
}

/**
 * Average advance of Carlito text in em, for estimates that do not measure each character:
 * as measured over house prose (about 0.46), a little generous for the fitter, and bold.
 */
export const CARLITO_AVERAGE_EM = { measured: 0.46, generous: 0.47, bold: 0.49 } as const;

