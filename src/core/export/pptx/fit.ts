/**
 * Text measurement for laying out slides without a renderer: advance widths of Carlito
 * (metric-compatible with Calibri, so the same for PowerPoint and LibreOffice), greedy
 * word wrap, and the largest font size at which a set of paragraphs fits a box.
 */
import { carlitoAdvance, POINTS_PER_INCH } from '../../house-geometry';

/** Line height as a multiple of the font size for Calibri/Carlito at single spacing. */
export const LINE_HEIGHT = 1.22;

export { POINTS_PER_INCH };

/** Width of `text` in inches at `fontSize` points. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += carlitoAdvance(ch, bold);
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
