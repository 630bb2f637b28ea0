import { oneLine, paragraphText, plain, runsOnOneLine, type ListItem } from '../blocks';
import { gridOfFour, textShapes } from '../geometry';
import { bodyParagraphs, headStandsOut, headedTexts } from './headed';
import type { SlideRecogniser } from './recogniser';

/**
 * `models`: four headed texts standing as a 2 × 2 grid, each head standing out from its
 * description (bold, or larger). Read in reading order as `**Name** – description`.
 */
export const modelsRecogniser: SlideRecogniser = {
  type: 'models',
  recognise(slide) {
    const headed = headedTexts(textShapes(slide.shapes)).filter(headStandsOut);
    const grid = gridOfFour(headed);
    if (!grid) return undefined;
    const items: ListItem[] = grid.map((text) => ({
      depth: 1,
      ordered: false,
      runs: [{ text: oneLine(paragraphText(text.head)), bold: true, italic: false }, plain(' – '), ...runsOnOneLine(bodyParagraphs(text))],
    }));
    return { blocks: [{ kind: 'list', items }], claimed: new Set(grid.flatMap((text) => text.shapes)) };
  },
};
