import { BRAND_COLOURS, BRAND_FONT } from '../brand';
import { flowBlocks } from '../content';
import type { SlideContext } from '../context';
import { addDataTable, addFlow, flowFontSize, flowHeight } from '../draw';
import { POINTS_PER_INCH } from '../fit';
import type { Picture } from '../pictures';
import { below, px, type Box } from '../layout';
import { ICON_NAMES } from '../placeholders';
import { GAP, standardFrame } from './frame';

const COLUMN_STYLE: Record<string, { header: string; fill: string; icon: string; name: string }> = {
  benefits: { header: BRAND_COLOURS.benefit, fill: BRAND_COLOURS.benefitTint, icon: '+', name: ICON_NAMES.benefits },
  risks: { header: BRAND_COLOURS.risk, fill: BRAND_COLOURS.riskTint, icon: '!', name: ICON_NAMES.risks },
};

/** The theme's separated table: cells padded 0.5 em × 0.75 em, a 20 px gap between the columns, an icon 1.1 em wide and 0.35 em from the header text. */
const PADDING = { x: 0.75, y: 0.5 };
const ICON = { size: 1.1, gap: 0.35 };

/**
 * `benefits-risks`: the table as a real PowerPoint table, the Benefits column green and
 * the Risks column brown as in the theme (header white on the colour with a `+` or `!` icon,
 * cells on its tint, the two columns apart).
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
    const house = styles.every((style) => style);
    const drawn = addDataTable(ctx, table, share, {
      headerFills: styles.map((style) => style?.header ?? BRAND_COLOURS.navy),
      columnFills: house ? styles.map((style) => style!.fill) : undefined,
      equalColumns: true,
      ...(house ? { padding: PADDING, headerIndent: ICON.size + ICON.gap, columnGap: px(20) * POINTS_PER_INCH } : {}),
    });
    if (house) addIcons(ctx, styles.map((style) => style!), share, drawn.widths, drawn.fontSize + 2);
    bottom = drawn.bottom;
  });
  frame.finish(bottom);
}

/** A white disc with the column's sign in its colour, in each header cell before the text (decorative: the header says it). */
function addIcons(ctx: SlideContext, styles: readonly (typeof COLUMN_STYLE)[string][], table: Box, widths: readonly number[], headerSize: number): void {
  const diameter = (ICON.size * headerSize) / POINTS_PER_INCH;
  const headerHeight = ((headerSize * 1.22) + 2 * PADDING.y * (headerSize - 2)) / POINTS_PER_INCH + 0.02;
  let x = table.x;
  styles.forEach((style, index) => {
    ctx.slide.addText(style.icon, {
      shape: ctx.pptx.ShapeType.ellipse,
      x: x + (PADDING.x * (headerSize - 2)) / POINTS_PER_INCH,
      y: table.y + (headerHeight - diameter) / 2,
      w: diameter,
      h: diameter,
      fill: { color: BRAND_COLOURS.paper },
      line: { color: BRAND_COLOURS.paper, width: 0 },
      margin: 0,
      align: 'center',
      valign: 'middle',
      fontFace: BRAND_FONT,
      fontSize: Math.round(headerSize * 0.8),
      bold: true,
      color: style.header,
      objectName: style.name,
    });
    x += widths[index] ?? 0;
  });
}
