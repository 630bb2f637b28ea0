/**
 * Text measurement for laying out slides without a renderer: advance widths of Carlito
 * (metric-compatible with Calibri, so the same for PowerPoint and LibreOffice), greedy
 * word wrap, and the largest font size at which a set of paragraphs fits a box.
 */

const MEASURED = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~–—‘’“”£€…·•¹²³⁴⁵⁶⁷⁸⁹⁰→é";
/** Advance widths in thousandths of an em, regular then bold, read from Carlito's `hmtx`. */
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
/** Line height as a multiple of the font size for Calibri/Carlito at single spacing. */
export const LINE_HEIGHT = 1.22;

export const POINTS_PER_INCH = 72;

/** Width of `text` in inches at `fontSize` points. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (const ch of text) units += table.get(ch) ?? UNKNOWN_WIDTH;
  return (units / 1000) * (fontSize / POINTS_PER_INCH);
}

/** Lines `text` wraps to in a column `width` inches wide (greedy, at spaces; a long word breaks). */
export function wrapLines(text: string, width: number, fontSize: number, bold = false): number {
  let lines = 0;
  for (const hardLine of text.split('\n')) {
    lines += 1;
    let used = 0;
    const space = textWidth(' ', fontSize, bold);
    for (const word of hardLine.split(/\s+/).filter((w) => w !== '')) {
      const wordWidth = textWidth(word, fontSize, bold);
      const needed = used === 0 ? wordWidth : used + space + wordWidth;
      if (needed <= width) {
        used = needed;
      } else if (used === 0) {
        // A word longer than the line: PowerPoint breaks it.
        lines += Math.ceil(wordWidth / width) - 1;
        used = wordWidth % width;
      } else {
        lines += 1;
        used = wordWidth;
      }
    }
  }
  return lines;
}

/** The words of `text` wider than `width` inches at `fontSize`: a line cannot hold them, so PowerPoint breaks them inside. */
export function wordsWiderThan(text: string, width: number, fontSize: number, bold = false): string[] {
  return text.split(/\s+/).filter((word) => word !== '' && textWidth(word, fontSize, bold) > width);
}

/** One paragraph to measure: its text, bold or not, a left indent, and its size relative to the base font size. */
export interface MeasuredParagraph {
  text: string;
  bold?: boolean;
  /** Indent in inches (bullet hanging indent included). */
  indent?: number;
  /** Font size as a multiple of the size being tried (default 1). */
  scale?: number;
  /** Space before the paragraph, as a multiple of the size being tried. */
  spaceBefore?: number;
}

/** Height in inches of `paragraphs` set at `fontSize` in a column `width` inches wide. */
export function textHeight(paragraphs: readonly MeasuredParagraph[], width: number, fontSize: number): number {
  let height = 0;
  for (const paragraph of paragraphs) {
    const size = fontSize * (paragraph.scale ?? 1);
    const lines = wrapLines(paragraph.text, Math.max(width - (paragraph.indent ?? 0), 0.5), size, paragraph.bold);
    height += (lines * size * LINE_HEIGHT + (paragraph.spaceBefore ?? 0) * fontSize) / POINTS_PER_INCH;
  }
  return height;
}

/**
 * The largest whole font size in [min, max] at which `measure(size)` (the height the text
 * needs at that size) fits `height`; `min` when none does.
 */
export function fitFontSize(measure: (fontSize: number) => number, height: number, max: number, min: number): number {
  for (let size = max; size > min; size -= 1) {
    if (measure(size) <= height) return size;
  }
  return min;
}

/**
 * The narrowest width, at most `width`, at which `text` wraps to as few lines as at `width`:
 * its lines come out about equally long (CSS `text-wrap: balance`, which the theme sets on
 * headings and the discussion question).
 */
export function balancedWidth(text: string, width: number, fontSize: number, bold = false): number {
  const lines = wrapLines(text, width, fontSize, bold);
  if (lines < 2) return width;
  let low = width / lines;
  let high = width;
  while (high - low > 0.02) {
    const middle = (low + high) / 2;
    if (wrapLines(text, middle, fontSize, bold) > lines) low = middle;
    else high = middle;
  }
  return high + 0.02;
}
