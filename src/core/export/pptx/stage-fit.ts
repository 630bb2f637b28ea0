/**
 * How a spectrum slide's stages fit their chevrons: the chevrons' geometry and the font size
 * at which every stage's text fits its chevron without a word broken inside. Shared by the
 * PowerPoint drawer (`slides/spectrum.ts`) and the `spectrum-stage-fit` rule, so the rule
 * warns about exactly what the export would have to break.
 */
import { BRAND_SIZES } from './brand';
import { textHeight, wordsWiderThan } from './fit';
import { slideGeometry } from './layout';

/** Depth of each chevron's point, and the gap between neighbours, in inches. */
export const CHEVRON_POINT = 0.32;
export const CHEVRON_GAP = 0.08;
/** Space between a stage's number and its text, as a multiple of the text size. */
const NUMBER_GAP = 0.2;

/** The width of each of `count` chevrons across a row `rowWidth` inches wide (neighbours overlap by their point). */
export function chevronWidth(rowWidth: number, count: number): number {
  return (rowWidth + (count - 1) * (CHEVRON_POINT - CHEVRON_GAP)) / count;
}

/** The width left for a stage's text inside its chevron: clear of the notch on the left and the point on the right. */
export function stageTextWidth(rowWidth: number, count: number): number {
  return chevronWidth(rowWidth, count) - 2 * CHEVRON_POINT - 0.16;
}

/** The chevrons' height in a content box `boxHeight` inches tall. */
export function chevronHeight(boxHeight: number): number {
  return Math.min(boxHeight, Math.max(2.0, Math.min(2.6, boxHeight * 0.55)));
}

/** The room for a stage's number and text in a chevron `height` inches tall. */
export function stageTextHeightLimit(height: number): number {
  return height - 0.3;
}

/** Height in inches of a stage's number and `text` at `size` points in a column `width` inches wide. */
export function stageHeight(text: string, width: number, size: number): number {
  return textHeight(
    [
      { text: '0', bold: true, scale: BRAND_SIZES.stageNumber / size },
      { text, bold: true, spaceBefore: NUMBER_GAP },
    ],
    width,
    size,
  );
}

/** What does not fit at the house minimum: a stage's words broken inside, or its text taller than its chevron. */
export interface StageMisfit {
  /** 0-based stage. */
  stage: number;
  /** Words wider than the chevron even at the minimum size (broken inside when drawn). */
  brokenWords: string[];
  /** The text needs more lines than the chevron holds even at the minimum size. */
  tooTall: boolean;
}

export interface StageFit {
  /** The largest size, in points, at which every stage fits; the house minimum when none does. */
  size: number;
  /** The stages that do not fit at `size` (empty when every one does). */
  misfits: StageMisfit[];
}

/** The largest stage size from the house maximum down to its minimum at which no stage breaks a word or overflows its chevron. */
export function fitStages(texts: readonly string[], width: number, heightLimit: number): StageFit {
  const misfitsAt = (size: number): StageMisfit[] =>
    texts
      .map((text, stage) => ({ stage, brokenWords: wordsWiderThan(text, width, size, true), tooTall: stageHeight(text, width, size) > heightLimit }))
      .filter((fit) => fit.brokenWords.length > 0 || fit.tooTall);
  const { max, min } = BRAND_SIZES.stage;
  for (let size = max; size > min; size -= 1) {
    if (misfitsAt(size).length === 0) return { size, misfits: [] };
  }
  return { size: min, misfits: misfitsAt(min) };
}

/**
 * How `texts` fit as the stages of a spectrum slide of `size` with nothing else on it (no
 * introduction, picture, key message or sources, each of which narrows or lowers the row).
 */
export function fitStagesOnPlainSlide(texts: readonly string[], size: '16:9' | '4:3'): StageFit {
  const { body } = slideGeometry(size);
  return fitStages(texts, stageTextWidth(body.w, texts.length), stageTextHeightLimit(chevronHeight(body.h)));
}

/** What a misfit does to the drawn stage: which words are broken inside, or that the text runs out of its chevron. */
export function describeMisfit(misfit: StageMisfit, text: string): string {
  const minimum = `${BRAND_SIZES.stage.min} pt`;
  const [word, ...more] = misfit.brokenWords;
  if (word === undefined) return `"${text}" needs more lines than the stage holds even at ${minimum}, so it runs out of the stage`;
  const words = misfit.brokenWords.map((broken) => `"${broken}"`).join(', ');
  return more.length === 0
    ? `the word ${words} is wider than the stage even at ${minimum}, so it is broken inside`
    : `the words ${words} are wider than the stage even at ${minimum}, so they are broken inside`;
}
