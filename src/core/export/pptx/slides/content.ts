import { flowBlocks } from '../content';
import type { SlideContext } from '../context';
import { addDataTable, addFlow, flowFontSize, flowHeight } from '../draw';
import type { Picture } from '../pictures';
import { below } from '../layout';
import { GAP, standardFrame } from './frame';

/**
 * `content`: title, subtitle, paragraphs and bullets in source order as one text box with
 * real bullets (two levels), the key message as a callout under them, any table below.
 * Also draws slides whose class is not a house type.
 */
export function renderContent(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images);
  const blocks = flowBlocks(ctx.text.paragraphs, ctx.source.lists, ctx.text.extras);
  let box = frame.box;
  let bottom = box.y;
  if (blocks.length > 0) {
    const textBox = ctx.source.tables.length > 0 ? { ...box, h: box.h * 0.45 } : box;
    const fontSize = flowFontSize(blocks, textBox, ctx.geometry.sizes.body);
    const used = Math.min(textBox.h, flowHeight(blocks, textBox.w, fontSize));
    addFlow(ctx, blocks, { ...textBox, h: Math.max(used + 0.1, Math.min(textBox.h, used + 0.4)) }, ctx.geometry.sizes.body);
    bottom = box.y + used;
    box = below(box, bottom + GAP);
  }
  const tables = ctx.source.tables;
  tables.forEach((table, index) => {
    const share = { ...box, y: box.y + (box.h / tables.length) * index, h: box.h / tables.length - (index < tables.length - 1 ? GAP : 0) };
    bottom = addDataTable(ctx, table, share).bottom;
  });
  frame.finish(bottom);
}
