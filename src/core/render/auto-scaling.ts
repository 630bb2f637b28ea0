/**
 * Marp's auto-scaling without Marp's browser script (the house renders with `script: false`,
 * and the preview's Content-Security-Policy runs no deck script): a `<!-- fit -->` heading
 * is sized to fill the slide's width on one line, and a code block shrinks (never grows) until
 * its longest line fits, both in pure CSS. The slide is a size container (marp-core's
 * `container-type: size`), so `100cqw` is the width of its content box in any theme; the text's
 * width in ems is measured here, from Carlito Bold's advances for a heading and from the
 * monospace advance for code, so the CSS only divides.
 */
import { CARLITO_WIDTHS } from '../house-geometry';

/** Estimates err a little wide, so a fitted heading is never cut at the edge. */
const HEADING_SLACK = 1.03;
/** The advance of the usual monospace fonts (DejaVu Sans Mono 0.602, Liberation Mono 0.6; Consolas is narrower). */
const MONOSPACE_EM = 0.602;
const TAB_WIDTH = 8;

function advance(code: number): number {
  const known = CARLITO_WIDTHS.bold.get(code);
  if (known !== undefined) return known / 1000;
  // East Asian wide characters and emoji take a full em; other unknown letters about half.
  return code >= 0x2e80 ? 1 : 0.55;
}

/** Width of `text` in ems of Carlito Bold. */
export function headingEms(text: string): number {
  let ems = 0;
  for (const character of text) ems += advance(character.codePointAt(0) ?? 32);
  return ems;
}

/** The inline style of a `<!-- fit -->` heading: one line, as wide as the slide's content box. */
export function fitHeadingStyle(text: string): string | undefined {
  const ems = headingEms(text.replace(/\s+/g, ' ').trim());
  if (ems <= 0) return undefined;
  return `white-space:nowrap;font-size:calc(100cqw / ${(ems * HEADING_SLACK).toFixed(3)})`;
}

/** Characters in the longest line of a code block, a tab counting to the next tab stop. */
export function longestLine(code: string): number {
  let longest = 0;
  for (const line of code.split('\n')) {
    let column = 0;
    for (const character of line) column = character === '\t' ? (Math.floor(column / TAB_WIDTH) + 1) * TAB_WIDTH : column + 1;
    longest = Math.max(longest, column);
  }
  return longest;
}

/**
 * The inline style of a code block's `<code>`: its own size, or smaller so that the longest
 * line fits the slide's width less the block's padding (2em of the block's size).
 */
export function fitCodeStyle(code: string): string | undefined {
  const columns = longestLine(code);
  if (columns === 0) return undefined;
  return `font-size:min(1em, calc((100cqw - 2em) / ${(columns * MONOSPACE_EM).toFixed(2)}))`;
}
