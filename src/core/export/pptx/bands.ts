import type { RichTextSpan } from '../../deck/types';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, BRAND_TAGLINE } from './brand';
import { displayRuns } from './content';
import type { SlideContext } from './context';
import { paragraphRuns } from './draw';
import { fitFontSize, textHeight, textWidth } from './fit';
import type { Box } from './layout';

/**
 * The `header` and `footer` directives' text, drawn where Marp's themes put them: the header
 * in the navy band left of the house tagline (white, bold), the footer in the footer band
 * between the wordmark and the page number (muted). Each shrinks to fit its band.
 */
export function addBands(ctx: SlideContext): void {
  const { geometry, source } = ctx;
  if (source.header) {
    const taglineWidth = textWidth(BRAND_TAGLINE, BRAND_SIZES.tagline, true) + 0.3;
    const box = { x: geometry.margin, y: geometry.header.y, w: geometry.width - 2 * geometry.margin - taglineWidth, h: geometry.header.h };
    addBandText(ctx, source.header, box, { color: BRAND_COLOURS.onDark, bold: true, max: BRAND_SIZES.tagline, align: 'left', name: 'Header' });
  }
  if (source.footer) {
    const left = geometry.wordmark.x + geometry.wordmark.w + 0.1;
    const right = geometry.slideNumber.x - 0.1;
    const box = { x: left, y: geometry.footer.y, w: right - left, h: geometry.footer.h };
    // The layout's footer placeholder.
    addBandText(ctx, source.footer, box, { color: BRAND_COLOURS.muted, bold: false, max: BRAND_SIZES.footnote, align: 'center', name: ctx.placeholder('footer') ?? 'Footer' });
  }
}

function addBandText(ctx: SlideContext, span: RichTextSpan, box: Box, style: { color: string; bold: boolean; max: number; align: 'left' | 'center'; name: string }): void {
  const measure = (size: number) => textHeight([{ text: span.text, bold: style.bold }], box.w, size);
  const fontSize = fitFontSize(measure, box.h, style.max, 7);
  ctx.slide.addText(paragraphRuns(displayRuns(span.runs), { color: style.color, bold: style.bold || undefined }), {
    ...box,
    margin: 0,
    valign: 'middle',
    align: style.align,
    fontFace: BRAND_FONT,
    fontSize,
    objectName: style.name,
  });
}
