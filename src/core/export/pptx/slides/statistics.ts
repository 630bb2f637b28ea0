import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES } from '../brand';
import { type FlowItem } from '../content';
import type { SlideContext } from '../context';
import { paragraphRuns } from '../draw';
import { textHeight } from '../fit';
import type { Picture } from '../pictures';
import { introThenItems, standardFrame } from './frame';

/** The teal bar left of each figure (5 px in the theme) and the space after it. */
const BAR = 0.052;
const BAR_GAP = 0.12;

/** Columns of the figure grid, as in the theme: 2 for 2 or 4 items, 4 for 7 or more (3 on 4:3), else 3. */
export function statisticsColumns(count: number, size: '16:9' | '4:3'): number {
  if (count <= 1) return 1;
  if (count === 2 || count === 4) return 2;
  if (count >= 7) return size === '4:3' ? 3 : 4;
  return 3;
}

/**
 * `statistics`: each `**figure** – label` item as a large navy figure over its label,
 * with a teal bar on its left, in a grid from the top of the content area.
 */
export function renderStatistics(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images);
  const { box, items } = introThenItems(ctx, frame.box, 0.25);
  if (items.length === 0) return frame.finish(box.y);
  const columns = statisticsColumns(items.length, ctx.geometry.size);
  const rows = Math.ceil(items.length / columns);
  const gapX = 0.3;
  const gapY = 0.3;
  const cellW = (box.w - gapX * (columns - 1)) / columns;
  const textW = cellW - BAR - BAR_GAP;
  const maxCellH = (box.h - gapY * (rows - 1)) / rows;
  const { figure, label, height } = figureSizes(items, textW, maxCellH);
  items.forEach((item, index) => {
    const x = box.x + (index % columns) * (cellW + gapX);
    const y = box.y + Math.floor(index / columns) * (height + gapY);
    const parts = item.boldLead ? { figure: item.boldLead.bold, label: item.boldLead.rest } : { figure: '', label: item.text };
    ctx.slide.addShape(ctx.pptx.ShapeType.rect, {
      x,
      y,
      w: BAR,
      h: height,
      fill: { color: BRAND_COLOURS.teal },
      line: { color: BRAND_COLOURS.teal, width: 0 },
      objectName: 'Figure bar',
    });
    ctx.slide.addText(
      [
        ...(parts.figure
          ? [{ text: parts.figure, options: { bold: true, color: BRAND_COLOURS.navy, fontSize: figure, breakLine: parts.label !== '' } }]
          : []),
        ...(parts.label ? paragraphRuns(item.boldLead?.restRuns ?? item.runs, { color: BRAND_COLOURS.ink, fontSize: label }, { paraSpaceBefore: 2 }) : []),
      ],
      {
        x: x + BAR + BAR_GAP,
        y,
        w: textW,
        h: height,
        margin: 0,
        valign: 'top',
        align: 'left',
        fontFace: BRAND_FONT,
        objectName: `Figure: ${parts.figure}`,
      },
    );
  });
  frame.finish(box.y + rows * height + (rows - 1) * gapY);
}

/** Figure and label sizes for the fullest item, and the height every item then takes. */
function figureSizes(items: readonly FlowItem[], width: number, maxHeight: number): { figure: number; label: number; height: number } {
  const need = (figure: number, label: number) =>
    Math.max(
      ...items.map((item) => {
        const parts = item.boldLead ? { figure: item.boldLead.bold, label: item.boldLead.rest } : { figure: '', label: item.text };
        return textHeight(
          [...(parts.figure ? [{ text: parts.figure, bold: true, scale: figure / label }] : []), ...(parts.label ? [{ text: parts.label }] : [])],
          width,
          label,
        );
      }),
    ) + 0.06;
  const { figure: figureRange, figureLabel } = BRAND_SIZES;
  for (let label = figureLabel.max; label >= figureLabel.min; label -= 0.5) {
    const figure = Math.max(figureRange.min, Math.min(figureRange.max, Math.round(label * 2.3)));
    const height = need(figure, label);
    if (height <= maxHeight) return { figure, label, height };
  }
  return { figure: figureRange.min, label: figureLabel.min, height: Math.min(maxHeight, need(figureRange.min, figureLabel.min)) };
}
