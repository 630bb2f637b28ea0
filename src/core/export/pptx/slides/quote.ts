import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES } from '../brand';
import { displayRuns, displayText, flowBlocks } from '../content';
import type { SlideContext } from '../context';
import { addDataTable, addFlow, flowHeight, paragraphRuns } from '../draw';
import { fitFontSize, textHeight } from '../fit';
import { below, type Box } from '../layout';
import type { Picture } from '../pictures';
import { blockquoteRuns, GAP, standardFrame } from './frame';

/** The theme's quotation: indented past its teal bar, a little looser than body text. */
const QUOTE_INDENT = 0.45;
const BAR_WIDTH = 0.09;

/**
 * `quote`: the title as on every titled slide; the quotation (the slide's `>` blockquotes)
 * large in navy beside a teal bar, in the layout's body placeholder; under it the attribution
 * (`— Name, role`) and any other paragraphs, lists and tables, in source order, in teal.
 * A quote slide without a blockquote draws its paragraphs as a content slide would.
 */
export function renderQuote(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images, { callout: false });
  const rest = flowBlocks(ctx.text.paragraphs, ctx.source.lists, ctx.text.extras);
  const restSize = BRAND_SIZES.attribution;
  const restHeight = rest.length > 0 ? flowHeight(rest, frame.box.w - QUOTE_INDENT, restSize) + GAP : 0;
  const tableShare = ctx.source.tables.length > 0 ? frame.box.h * 0.35 : 0;
  const quoteArea: Box = { ...frame.box, h: Math.max(0.6, frame.box.h - restHeight - tableShare) };
  let bottom = addQuotation(ctx, quoteArea);
  if (rest.length > 0) {
    const restBox = { x: frame.box.x + QUOTE_INDENT, y: bottom + GAP, w: frame.box.w - QUOTE_INDENT, h: restHeight - GAP };
    addFlow(ctx, rest, restBox, { max: restSize, min: BRAND_SIZES.quote.min * 0.75, color: BRAND_COLOURS.teal });
    bottom = restBox.y + restBox.h;
  }
  let box = below(frame.box, bottom + GAP);
  for (const table of ctx.source.tables) {
    bottom = addDataTable(ctx, table, { ...box, h: box.h / ctx.source.tables.length }).bottom;
    box = below(box, bottom + GAP);
  }
  frame.finish(bottom);
}

/** The quotation beside its bar, sized to `area`; returns where it ends. */
function addQuotation(ctx: SlideContext, area: Box): number {
  const quotes = ctx.source.blockquotes;
  if (quotes.length === 0) return area.y;
  const runs = displayRuns(blockquoteRuns(quotes));
  const text = displayText(quotes.map((quote) => quote.text).join('\n'));
  const width = area.w - QUOTE_INDENT;
  const measure = (size: number) => textHeight(text.split('\n').map((line) => ({ text: line })), width, size);
  const fontSize = fitFontSize(measure, area.h, BRAND_SIZES.quote.max, BRAND_SIZES.quote.min);
  const height = Math.min(area.h, measure(fontSize));
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, {
    x: area.x,
    y: area.y,
    w: BAR_WIDTH,
    h: height,
    fill: { color: BRAND_COLOURS.teal },
    line: { color: BRAND_COLOURS.teal, width: 0 },
    objectName: 'Quotation bar',
  });
  ctx.slide.addText(paragraphRuns(runs, {}), {
    x: area.x + QUOTE_INDENT,
    y: area.y,
    w: width,
    h: height,
    margin: 0,
    valign: 'top',
    fontFace: BRAND_FONT,
    fontSize,
    color: BRAND_COLOURS.navy,
    objectName: ctx.placeholder('body') ?? 'Quotation',
  });
  return area.y + height;
}
