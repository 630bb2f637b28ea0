import { BRAND_COLOURS } from '../brand';
import { flowBlocks } from '../content';
import type { SlideContext } from '../context';
import { addDataTable, addFlow, flowFontSize, flowHeight } from '../draw';
import type { Picture } from '../pictures';
import { below } from '../layout';
import { GAP, standardFrame } from './frame';

const COLUMN_STYLE: Record<string, { header: string; fill: string }> = {
  benefits: { header: BRAND_COLOURS.benefit, fill: BRAND_COLOURS.benefitTint },
  risks: { header: BRAND_COLOURS.risk, fill: BRAND_COLOURS.riskTint },
};

/**
 * `benefits-risks`: the table as a real PowerPoint table, the Benefits column green and
 * the Risks column brown as in the theme (header white on the colour, cells on its tint).
 */
export function renderBenefitsRisks(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images);
  let box = frame.box;
  const intro = flowBlocks(ctx.text.paragraphs, ctx.source.lists, ctx.text.extras);
  if (intro.length > 0) {
    const introBox = { ...box, h: box.h * 0.3 };
    const size = flowFontSize(intro, introBox, { max: 18, min: 13 });
    addFlow(ctx, intro, introBox, { max: size, min: size });
    box = below(box, box.y + Math.min(introBox.h, flowHeight(intro, box.w, size)) + GAP);
  }
  let bottom = box.y;
  const tables = ctx.source.tables;
  tables.forEach((table, index) => {
    const styles = table.header.cells.map((cell) => COLUMN_STYLE[cell.text.trim().toLowerCase()]);
    const share = { ...box, y: box.y + (box.h / tables.length) * index, h: box.h / tables.length - (index < tables.length - 1 ? GAP : 0) };
    bottom = addDataTable(ctx, table, share, {
      headerFills: styles.map((style) => style?.header ?? BRAND_COLOURS.navy),
      columnFills: styles.every((style) => style) ? styles.map((style) => style!.fill) : undefined,
      equalColumns: true,
    });
  });
  frame.placeCallout(bottom);
}
