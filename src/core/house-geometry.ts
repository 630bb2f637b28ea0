/**
 * House geometry and text metrics, in one place: the slide sizes, the theme's bands, margins
 * and type sizes (the `--is-…` custom properties of themes/improvement-service.css, in CSS px),
 * the house minimum font sizes, the px → inch → point conversions and Carlito's advance widths.
 * The browserless fitter (render/fit.ts), the chart drawer (render/chart-svg.ts) and the
 * PowerPoint layout and fitting (export/pptx/layout.ts, fit.ts, stage-fit.ts) derive from it;
 * test/core/house-geometry.test.ts reads the theme's CSS and fails when the two drift apart.
 */
import { CARLITO_BOLD_WIDTHS } from './render/carlito-widths';

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
 * LibreOffice) in thousandths of an em, regular then bold, read from its `hmtx`, for the
 * characters the PowerPoint fitter measures. Bold agrees with the generated
 * render/carlito-widths.ts wherever both have the character.
 */
const MEASURED = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~–—‘’“”£€…·•¹²³⁴⁵⁶⁷⁸⁹⁰→é";
const REGULAR =
  '226,326,401,498,507,715,682,221,303,303,498,498,250,306,252,386,507,507,507,507,507,507,507,507,507,507,268,268,498,498,498,463,894,579,544,533,615,488,459,631,623,252,319,520,420,855,646,662,517,673,543,459,487,642,567,890,519,487,468,307,386,307,498,498,291,479,525,423,525,498,305,471,525,229,239,455,229,799,525,527,525,525,349,391,335,525,452,715,433,453,395,314,460,314,498,498,905,250,250,418,418,507,507,690,252,498,246,336,334,357,331,359,321,360,359,391,905,498';
const BOLD =
  '226,326,438,498,507,729,705,233,312,312,498,498,258,306,267,430,507,507,507,507,507,507,507,507,507,507,276,276,498,498,498,463,898,606,561,529,630,488,459,637,631,267,331,547,423,874,659,676,532,686,563,473,495,653,591,906,551,520,478,325,430,325,498,498,300,494,537,418,537,503,316,474,537,246,255,480,246,813,537,538,537,537,355,399,347,537,473,745,459,474,397,344,475,344,498,498,905,258,258,435,435,507,507,711,268,498,252,338,336,366,337,361,327,366,361,398,905,503';

function widthTable(list: string): Map<string, number> {
  const widths = list.split(',').map(Number);
  return new Map([...MEASURED].map((ch, index) => [ch, widths[index] ?? 500]));
}

const WIDTHS = { regular: widthTable(REGULAR), bold: widthTable(BOLD) };
/** Width of a character the table does not hold (wide enough to err on the safe side). */
const UNKNOWN_WIDTH = 560;

/** Advance of `ch` in thousandths of an em (a safe overestimate for a character the table lacks). */
export function carlitoAdvance(ch: string, bold = false): number {
  return (bold ? WIDTHS.bold : WIDTHS.regular).get(ch) ?? UNKNOWN_WIDTH;
}

/**
 * Average advance of Carlito text in em, for estimates that do not measure each character:
 * as measured over house prose (about 0.46), a little generous for the fitter, and bold.
 */
export const CARLITO_AVERAGE_EM = { measured: 0.46, generous: 0.47, bold: 0.49 } as const;

/** Advance widths of Carlito Bold by code point, measured from the bundled font (every Latin character). */
export { CARLITO_BOLD_WIDTHS };
