import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, STAGE_COLOURS } from '../brand';
import type { SlideContext } from '../context';
import type { Picture } from '../pictures';
import { CHEVRON_GAP, CHEVRON_POINT, chevronHeight, chevronWidth, describeMisfit, fitStages, stageHeight, stageTextHeightLimit, stageTextWidth } from '../stage-fit';
import { introThenItems, standardFrame } from './frame';

/**
 * `spectrum`: the ordered list's stages as chevrons left to right, in order, each with
 * its number and text, shaded from navy to teal as in the theme.
 */
export function renderSpectrum(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images);
  const { box, items: stages } = introThenItems(ctx, frame.box, 0.3);
  if (stages.length === 0) return frame.finish(box.y);
  const count = stages.length;
  const width = chevronWidth(box.w, count);
  const textWidth = stageTextWidth(box.w, count);
  const height = chevronHeight(box.h);
  const top = box.y + (box.h - height) / 2;
  // Shrink until no word is broken inside and every stage fits; at the house minimum, say what still does not.
  const { size, misfits } = fitStages(
    stages.map((stage) => stage.text),
    textWidth,
    stageTextHeightLimit(height),
  );
  for (const misfit of misfits) {
    const stage = stages[misfit.stage]!;
    const line = ctx.source.lists[0]?.items[misfit.stage]?.range;
    ctx.warn('text-not-fitted', `Spectrum stage ${misfit.stage + 1}: ${describeMisfit(misfit, stage.text)}; shorten the stage or use fewer stages.`, line);
  }
  // Every stage's text starts at the same height, so the numbers line up: the tallest is centred.
  const inset = Math.max(0.1, (height - Math.max(...stages.map((stage) => stageHeight(stage.text, textWidth, size)))) / 2);
  stages.forEach((stage, index) => {
    const fill = STAGE_COLOURS[Math.round((index * (STAGE_COLOURS.length - 2)) / Math.max(1, count - 1))] ?? BRAND_COLOURS.navy;
    ctx.slide.addText(
      [
        { text: String(index + 1), options: { bold: true, fontSize: BRAND_SIZES.stageNumber, color: BRAND_COLOURS.onDarkAccent, breakLine: true } },
        { text: stage.text, options: { bold: true, fontSize: size, color: BRAND_COLOURS.onDark, paraSpaceBefore: Math.round(size * 0.2) } },
      ],
      {
        shape: ctx.pptx.ShapeType.chevron,
        x: box.x + index * (width - CHEVRON_POINT + CHEVRON_GAP),
        y: top,
        w: width,
        h: height,
        rectRadius: CHEVRON_POINT,
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
  frame.finish(top + height);
}
