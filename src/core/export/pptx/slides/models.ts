import type PptxGenJS from 'pptxgenjs';
import type { TextRun } from '../../../deck/types';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES } from '../brand';
import { type FlowItem } from '../content';
import type { SlideContext } from '../context';
import { paragraphRuns } from '../draw';
import { textHeight } from '../fit';
import type { Picture } from '../pictures';
import { px, type Box } from '../layout';
import { introThenItems, standardFrame } from './frame';

const PADDING = { x: 0.16, top: 0.16, bottom: 0.12 };
/** The coloured band on top of each card (6 px in the theme). */
const BAND = 0.0625;
/** The theme's card text is 0.74 of the slide's base size; its rows are at least 150px tall. */
const TEXT_SCALE = 0.74;
const MIN_ROW = px(150);

/**
 * `models`: the list's `**Name** – description` items as rounded cards in a 2 × 2 grid
 * (reading order), name in bold navy over the description. The bands alternate teal and navy.
 */
export function renderModels(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images);
  const { box, items } = introThenItems(ctx, frame.box, 0.25);
  if (items.length === 0) return frame.finish(box.y);
  const columns = items.length === 1 ? 1 : 2;
  const rows = Math.ceil(items.length / columns);
  const gapX = 0.21;
  const gapY = 0.17;
  const cardW = (box.w - gapX * (columns - 1)) / columns;
  const textW = cardW - 2 * PADDING.x;
  const frameH = BAND + PADDING.top + PADDING.bottom;
  const sizes = cardSizes(items, textW, (box.h - gapY * (rows - 1)) / rows - frameH, ctx.geometry.sizes.body.max * TEXT_SCALE);
  // As the theme's grid (rows at least 150px, equal, as tall as the fullest card): the cards take
  // the height their text needs, not the whole content area.
  const cardH = Math.min((box.h - gapY * (rows - 1)) / rows, Math.max(MIN_ROW, sizes.needed + frameH));
  items.forEach((item, index) => {
    const card: Box = {
      x: box.x + (index % columns) * (cardW + gapX),
      y: box.y + Math.floor(index / columns) * (cardH + gapY),
      w: cardW,
      h: cardH,
    };
    addCard(ctx, item, card, sizes, index % 2 === 0 ? BRAND_COLOURS.teal : BRAND_COLOURS.navy);
  });
  frame.finish(box.y + rows * cardH + (rows - 1) * gapY);
}

interface CardSizes {
  name: number;
  text: number;
  /** The height the fullest card's text needs at these sizes, in inches. */
  needed: number;
}

function cardParts(item: FlowItem): { name: string; text: string; runs: TextRun[] } {
  return item.boldLead
    ? { name: item.boldLead.bold, text: item.boldLead.rest, runs: item.boldLead.restRuns }
    : { name: '', text: item.text, runs: item.runs };
}

/** One text size for every card, the largest up to `max` at which the fullest card fits `height`. */
function cardSizes(items: readonly FlowItem[], width: number, height: number, max: number): CardSizes {
  const { modelName, modelText } = BRAND_SIZES;
  const at = (text: number): CardSizes => {
    const name = Math.min(modelName.max, Math.max(modelName.min, Math.round(text * 1.35)));
    const heights = items.map((item) => {
      const parts = cardParts(item);
      const paragraphs = [
        ...(parts.name ? [{ text: parts.name, bold: true, scale: name / text }] : []),
        ...(parts.text ? [{ text: parts.text, spaceBefore: parts.name ? 0.3 : 0 }] : []),
      ];
      return textHeight(paragraphs, width, text);
    });
    return { name, text, needed: Math.max(...heights) };
  };
  for (let text = Math.min(modelText.max, Math.round(max * 2) / 2); text >= modelText.min; text -= 0.5) {
    const sizes = at(text);
    if (sizes.needed <= height) return sizes;
  }
  return at(modelText.min);
}

function addCard(ctx: SlideContext, item: FlowItem, card: Box, sizes: CardSizes, band: string): void {
  const parts = cardParts(item);
  const runs: PptxGenJS.TextProps[] = [];
  if (parts.name) {
    runs.push({ text: parts.name, options: { bold: true, color: BRAND_COLOURS.navy, fontSize: sizes.name, breakLine: parts.text !== '' } });
  }
  if (parts.text) {
    runs.push(
      ...paragraphRuns(parts.runs, { color: BRAND_COLOURS.ink, fontSize: sizes.text }, { paraSpaceBefore: parts.name ? Math.round(sizes.text * 0.3) : 0 }),
    );
  }
  ctx.slide.addText(runs, {
    shape: ctx.pptx.ShapeType.roundRect,
    rectRadius: 0.08,
    ...card,
    fill: { color: BRAND_COLOURS.tint },
    line: { color: BRAND_COLOURS.tint, width: 0 },
    margin: [PADDING.x * 72, PADDING.x * 72, PADDING.bottom * 72, (PADDING.top + BAND) * 72],
    valign: 'top',
    align: 'left',
    fontFace: BRAND_FONT,
    objectName: `Model: ${parts.name || parts.text.slice(0, 30)}`,
  });
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, {
    x: card.x,
    y: card.y,
    w: card.w,
    h: BAND,
    fill: { color: band },
    line: { color: band, width: 0 },
    objectName: 'Model band',
  });
}
