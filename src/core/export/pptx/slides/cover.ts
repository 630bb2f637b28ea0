import type PptxGenJS from 'pptxgenjs';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, CAPS_SPACING } from '../brand';
import { displayText, flowBlocks } from '../content';
import type { SlideContext } from '../context';
import { addFlow } from '../draw';
import { fitFontSize, textHeight } from '../fit';
import type { Picture } from '../pictures';
import { coverTitleBox } from '../master';
import { addImageColumn } from '../pictures';

/**
 * `cover`: series and date (teal, uppercase), the deck title large in the title
 * placeholder with a teal bar under it, the part title, the agenda with its label and a
 * teal rule, and presenter (bold navy) over organisation at the foot.
 */
export function renderCover(ctx: SlideContext, images: readonly Picture[]): void {
  const cover = ctx.source.cover;
  const { geometry } = ctx;
  const titleBox = coverTitleBox(geometry);
  const x = titleBox.x;
  const width = images.length > 0 ? addImageColumn(ctx, images, { ...geometry.body, y: titleBox.y }).w : titleBox.w;
  const text = (span: { text: string } | undefined) => (span ? displayText(span.text) : '');

  const seriesLines = [text(cover?.series), text(cover?.date)].filter((line) => line !== '');
  if (seriesLines.length > 0) {
    ctx.slide.addText(
      seriesLines.map((line, index) => ({ text: line, options: { breakLine: index < seriesLines.length - 1 } })),
      {
        x,
        y: titleBox.y - 0.78,
        w: width,
        h: 0.66,
        margin: 0,
        valign: 'bottom',
        fontFace: BRAND_FONT,
        fontSize: BRAND_SIZES.coverSeries,
        bold: true,
        charSpacing: CAPS_SPACING,
        color: BRAND_COLOURS.teal,
        objectName: 'Series and date',
      },
    );
  }

  let y = titleBox.y;
  const deckTitle = text(cover?.deckTitle);
  if (deckTitle !== '') {
    const titleWidth = Math.min(width, titleBox.w);
    const size = fitFontSize(
      (s) => textHeight([{ text: deckTitle, bold: true }], titleWidth, s) * 0.96,
      titleBox.h,
      BRAND_SIZES.coverTitle.max,
      BRAND_SIZES.coverTitle.min,
    );
    ctx.slide.addText([{ text: deckTitle, options: { fontSize: size, bold: true, color: BRAND_COLOURS.navy, fontFace: BRAND_FONT } }], {
      placeholder: 'title',
    });
    y += Math.min(titleBox.h, textHeight([{ text: deckTitle, bold: true }], titleWidth, size)) + 0.12;
  }
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, {
    x,
    y,
    w: 1.0,
    h: 0.0625,
    fill: { color: BRAND_COLOURS.teal },
    line: { color: BRAND_COLOURS.teal, width: 0 },
    objectName: 'Title bar',
  });
  y += 0.3;

  const partTitle = text(cover?.partTitle);
  if (partTitle !== '') {
    const height = textHeight([{ text: partTitle, bold: true }], width, BRAND_SIZES.coverPart) + 0.05;
    ctx.slide.addText(partTitle, {
      x,
      y,
      w: width,
      h: height,
      margin: 0,
      valign: 'top',
      fontFace: BRAND_FONT,
      fontSize: BRAND_SIZES.coverPart,
      bold: true,
      color: BRAND_COLOURS.teal,
      objectName: 'Part title',
    });
    y += height + 0.2;
  }

  const presenterLines = [text(cover?.presenter), text(cover?.organisation)].filter((line) => line !== '');
  const footTop = geometry.body.y + geometry.body.h - 0.62;

  const agenda = (cover?.agenda ?? []).map((item) => displayText(item.text));
  if (agenda.length > 0) y = addAgenda(ctx, agenda, { x, y, w: width, h: footTop - y - 0.2 });

  // Paragraphs other than the series/date and presenter/organisation ones, and lists other than the agenda.
  const fieldLines = new Set([cover?.series, cover?.date, cover?.presenter, cover?.organisation].map((span) => span?.range.line));
  const others = flowBlocks(
    ctx.text.paragraphs.filter((paragraph) => !fieldLines.has(paragraph.line)),
    ctx.source.lists.slice(agenda.length > 0 ? 1 : 0),
    ctx.text.extras,
  );
  if (others.length > 0 && footTop - y > 0.4) addFlow(ctx, others, { x, y, w: width, h: footTop - y - 0.15 }, { max: 16, min: 11 });

  if (presenterLines.length > 0) {
    const runs: PptxGenJS.TextProps[] = presenterLines.map((line, index) => ({
      text: line,
      options:
        index === 0
          ? { bold: true, color: BRAND_COLOURS.navy, breakLine: presenterLines.length > 1 }
          : { color: BRAND_COLOURS.ink },
    }));
    ctx.slide.addText(runs, {
      x,
      y: footTop,
      w: width,
      h: 0.62,
      margin: 0,
      valign: 'bottom',
      fontFace: BRAND_FONT,
      fontSize: BRAND_SIZES.coverPresenter,
      objectName: 'Presenter and organisation',
    });
  }
}

/** "Agenda" label (in capitals) and the items in navy beside a teal rule; returns where it ends. */
function addAgenda(ctx: SlideContext, items: readonly string[], box: { x: number; y: number; w: number; h: number }): number {
  const inset = 0.2;
  const width = box.w - inset;
  const label = BRAND_SIZES.coverAgendaLabel;
  const measure = (size: number) =>
    textHeight([{ text: 'AGENDA', bold: true, scale: label / size }, ...items.map((text) => ({ text, spaceBefore: 0.25, indent: 0.25 }))], width, size) + 0.08;
  const size = fitFontSize(measure, box.h, BRAND_SIZES.coverAgenda, 11);
  const height = Math.min(box.h, measure(size));
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, {
    x: box.x,
    y: box.y,
    w: 0.042,
    h: height,
    fill: { color: BRAND_COLOURS.teal },
    line: { color: BRAND_COLOURS.teal, width: 0 },
    objectName: 'Agenda rule',
  });
  ctx.slide.addText(
    [
      { text: 'Agenda', options: { bold: true, fontSize: label, color: BRAND_COLOURS.muted, charSpacing: CAPS_SPACING, breakLine: true } },
      ...items.map((text, index) => ({
        text,
        options: {
          fontSize: size,
          color: BRAND_COLOURS.navy,
          bullet: { characterCode: '25AA', indent: 18 },
          paraSpaceBefore: Math.round(size * 0.25),
          breakLine: index < items.length - 1,
        },
      })),
    ],
    { x: box.x + inset, y: box.y, w: width, h: height, margin: 0, valign: 'top', fontFace: BRAND_FONT, objectName: 'Agenda' },
  );
  return box.y + height + 0.2;
}
