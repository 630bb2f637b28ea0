import { TITLE_BAR_PX } from '../../../house-geometry';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, CAPS_SPACING } from '../brand';
import { flowBlocks, blockText } from '../content';
import type { SlideContext } from '../context';
import { addFlow } from '../draw';
import { balancedWidth, fitFontSize, LINE_HEIGHT, POINTS_PER_INCH, wrapLines } from '../fit';
import { below, px, type Box } from '../layout';
import type { Picture } from '../pictures';
import { addTitle, standardFrame } from './frame';

/** The theme's discussion slide: the heading's line box, its bar, the gap to the question, the question's line height. */
const HEADING = { line: 1.1, after: 0.6 } as const;
const QUESTION_LINE = 1.15;

/**
 * `discussion`: a navy slide (its layout's background), the "Group Discussion" title small and
 * in capitals in the light accent over a short bar, the question large in white under it, the
 * two kept together and centred between the bands as in the theme. A discussion slide that
 * holds more than paragraphs and bullets (code, a formula, another heading) is drawn as a flow in white.
 */
export function renderDiscussion(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame({ ...ctx, text: { ...ctx.text, title: undefined } }, images, { footnoteColour: BRAND_COLOURS.onDark });
  const blocks = flowBlocks(ctx.text.paragraphs, ctx.source.lists, ctx.text.extras);
  const area = below(frame.box, ctx.geometry.contentTop);
  if (ctx.text.extras.length > 0) {
    addTitle(ctx, { color: BRAND_COLOURS.onDarkAccent, fontSize: BRAND_SIZES.discussionLabel, charSpacing: CAPS_SPACING });
    addFlow(ctx, blocks, frame.box, { ...ctx.geometry.sizes.body, color: BRAND_COLOURS.onDark, leadColor: BRAND_COLOURS.onDarkAccent, valign: 'middle' });
  } else {
    addGroup(ctx, blocks.map(blockText).join('\n'), area);
  }
  frame.finish(frame.box.y + frame.box.h);
}

/** The heading, its bar and the question, centred together in `area`. */
function addGroup(ctx: SlideContext, question: string, area: Box): void {
  const labelSize = BRAND_SIZES.discussionLabel;
  const heading = ctx.text.title ? px((labelSize / 0.75) * (HEADING.line + HEADING.after) + TITLE_BAR_PX.gap + TITLE_BAR_PX.height) : 0;
  const width = area.w * 0.92;
  const questionHeight = (size: number) => (wrapLines(question, width, size, true) * size * QUESTION_LINE) / POINTS_PER_INCH;
  // The theme sets the question at 1.2 × the title size of the slide size (44px at 16:9, 40px at 4:3).
  const max = Math.min(BRAND_SIZES.question.max, Math.round(ctx.geometry.sizes.title.max * 1.2));
  const fontSize = question === '' ? max : fitFontSize(questionHeight, area.h - heading - 0.2, max, BRAND_SIZES.question.min);
  const groupHeight = heading + (question === '' ? 0 : questionHeight(fontSize));
  const top = area.y + Math.max(0, (area.h - groupHeight) / 2);
  if (ctx.text.title) {
    const overhang = (labelSize * (LINE_HEIGHT - HEADING.line)) / 2 / POINTS_PER_INCH;
    addTitle(ctx, {
      color: BRAND_COLOURS.onDarkAccent,
      fontSize: labelSize,
      charSpacing: CAPS_SPACING,
      valign: 'top',
      box: { x: area.x, y: top - overhang, w: area.w, h: (labelSize * LINE_HEIGHT) / POINTS_PER_INCH },
    });
    const barTop = top + px((labelSize / 0.75) * HEADING.line + TITLE_BAR_PX.gap);
    ctx.slide.addShape(ctx.pptx.ShapeType.rect, {
      x: area.x,
      y: barTop,
      w: px(TITLE_BAR_PX.width),
      h: px(TITLE_BAR_PX.height),
      fill: { color: BRAND_COLOURS.onDarkAccent },
      line: { color: BRAND_COLOURS.onDarkAccent, width: 0 },
      objectName: 'Title bar',
    });
  }
  if (question === '') return;
  const overhang = (fontSize * (LINE_HEIGHT - QUESTION_LINE)) / 2 / POINTS_PER_INCH;
  ctx.slide.addText(question, {
    x: area.x,
    y: top + heading - overhang,
    w: balancedWidth(question, width, fontSize, true),
    h: questionHeight(fontSize) + 2 * overhang,
    margin: 0,
    valign: 'top',
    align: 'left',
    fontFace: BRAND_FONT,
    fontSize,
    bold: true,
    color: BRAND_COLOURS.onDark,
    lineSpacingMultiple: QUESTION_LINE / LINE_HEIGHT,
    objectName: ctx.placeholder('body') ?? 'Question',
  });
}
