import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, CAPS_SPACING } from '../brand';
import { flowBlocks, blockText } from '../content';
import type { SlideContext } from '../context';
import { addFlow } from '../draw';
import { fitFontSize, textHeight } from '../fit';
import type { Picture } from '../pictures';
import { addTitle, standardFrame } from './frame';

/**
 * `discussion`: a navy slide, the "Group Discussion" title small and in capitals in the
 * light accent, the question large in white, as in the theme. A discussion slide that holds
 * more than paragraphs and bullets (code, a formula, another heading) is drawn as a flow in white.
 */
export function renderDiscussion(ctx: SlideContext, images: readonly Picture[]): void {
  ctx.slide.background = { color: BRAND_COLOURS.navy };
  addTitle(ctx, { color: BRAND_COLOURS.onDarkAccent, fontSize: BRAND_SIZES.discussionLabel, charSpacing: CAPS_SPACING });
  const frame = standardFrame({ ...ctx, text: { ...ctx.text, title: undefined } }, images, {
    footnoteColour: BRAND_COLOURS.onDark,
  });
  const blocks = flowBlocks(ctx.text.paragraphs, ctx.source.lists, ctx.text.extras);
  if (ctx.text.extras.length > 0) {
    addFlow(ctx, blocks, frame.box, { ...BRAND_SIZES.body, color: BRAND_COLOURS.onDark, leadColor: BRAND_COLOURS.onDarkAccent, valign: 'middle' });
  } else if (blocks.length > 0) {
    addQuestion(ctx, blocks.map(blockText).join('\n'), frame.box);
  }
  frame.placeCallout(frame.box.y + frame.box.h);
}

function addQuestion(ctx: SlideContext, question: string, box: SlideContext['geometry']['body']): void {
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
