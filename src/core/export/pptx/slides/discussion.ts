import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, CAPS_SPACING } from '../brand';
import { flowBlocks, blockText } from '../content';
import type { SlideContext } from '../context';
import { fitFontSize, textHeight } from '../fit';
import type { LoadedImage } from '../images';
import { addTitle, standardFrame } from './frame';

/**
 * `discussion`: a navy slide, the "Group Discussion" title small and in capitals in the
 * light accent, the question large in white, as in the theme.
 */
export function renderDiscussion(ctx: SlideContext, images: readonly LoadedImage[]): void {
  ctx.slide.background = { color: BRAND_COLOURS.navy };
  addTitle(ctx, { color: BRAND_COLOURS.onDarkAccent, fontSize: BRAND_SIZES.discussionLabel, charSpacing: CAPS_SPACING });
  const frame = standardFrame({ ...ctx, source: { ...ctx.source, title: undefined, subtitle: ctx.source.subtitle } }, images, {
    footnoteColour: BRAND_COLOURS.onDark,
  });
  const blocks = flowBlocks(ctx.text.paragraphs, ctx.source.lists);
  const question = blocks.map(blockText).join('\n');
  if (question !== '') {
    const box = frame.box;
    const width = box.w * 0.92;
    const fontSize = fitFontSize(
      (size) => textHeight([{ text: question, bold: true }], width, size),
      box.h - 0.2,
      BRAND_SIZES.question.max,
      BRAND_SIZES.question.min,
    );
    ctx.slide.addText(question, {
      x: box.x,
      y: box.y,
      w: width,
      h: box.h,
      margin: 0,
      valign: 'middle',
      align: 'left',
      fontFace: BRAND_FONT,
      fontSize,
      bold: true,
      color: BRAND_COLOURS.onDark,
      lineSpacingMultiple: 0.95,
      objectName: 'Question',
    });
  }
  frame.placeCallout(frame.box.y + frame.box.h);
}
