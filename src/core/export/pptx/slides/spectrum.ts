import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, STAGE_COLOURS } from '../brand';
import type { SlideContext } from '../context';
import { textHeight } from '../fit';
import type { Picture } from '../pictures';
import { introThenItems, standardFrame } from './frame';

/** Depth of each chevron's point, and the gap between neighbours, in inches. */
const POINT = 0.32;
const GAP_X = 0.08;

/**
 * `spectrum`: the ordered list's stages as chevrons left to right, in order, each with
 * its number and text, shaded from navy to teal as in the theme.
 */
export function renderSpectrum(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images);
  const { box, items: stages } = introThenItems(ctx, frame.box, 0.3);
  if (stages.length === 0) return frame.placeCallout(box.y);
  const count = stages.length;
  const width = (box.w + (count - 1) * (POINT - GAP_X)) / count;
  const textWidth = width - 2 * POINT - 0.16;
  const height = Math.min(box.h, Math.max(2.0, Math.min(2.6, box.h * 0.55)));
  const top = box.y + (box.h - height) / 2;
  const textHeightLimit = height - 0.3;
  const stageHeight = (text: string, size: number) =>
    textHeight([{ text: String(count), bold: true, scale: BRAND_SIZES.stageNumber / size }, { text, bold: true, spaceBefore: 0.2 }], textWidth, size);
  let size: number = BRAND_SIZES.stage.max;
  while (size > BRAND_SIZES.stage.min && stages.some((stage) => stageHeight(stage.text, size) > textHeightLimit)) size -= 1;
  // Every stage's text starts at the same height, so the numbers line up: the tallest is centred.
  const inset = Math.max(0.1, (height - Math.max(...stages.map((stage) => stageHeight(stage.text, size)))) / 2);
  stages.forEach((stage, index) => {
    const fill = STAGE_COLOURS[Math.round((index * (STAGE_COLOURS.length - 2)) / Math.max(1, count - 1))] ?? BRAND_COLOURS.navy;
    ctx.slide.addText(
      [
        { text: String(index + 1), options: { bold: true, fontSize: BRAND_SIZES.stageNumber, color: BRAND_COLOURS.onDarkAccent, breakLine: true } },
        { text: stage.text, options: { bold: true, fontSize: size, color: BRAND_COLOURS.onDark, paraSpaceBefore: Math.round(size * 0.2) } },
      ],
      {
        shape: ctx.pptx.ShapeType.chevron,
        x: box.x + index * (width - POINT + GAP_X),
        y: top,
        w: width,
        h: height,
        rectRadius: POINT,
        fill: { color: fill },
        line: { color: fill, width: 0 },
        margin: [6, 4, 4, inset * 72],
        align: 'left',
        valign: 'top',
        fontFace: BRAND_FONT,
        objectName: `Stage ${index + 1}: ${stage.text}`,
      },
    );
  });
  frame.placeCallout(top + height);
}
