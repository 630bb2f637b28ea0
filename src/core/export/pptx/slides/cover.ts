import type PptxGenJS from 'pptxgenjs';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, CAPS_SPACING } from '../brand';
import { displayText, flowBlocks } from '../content';
import type { SlideContext } from '../context';
import { addFlow } from '../draw';
import { fitFontSize, LINE_HEIGHT, POINTS_PER_INCH, textHeight, wrapLines } from '../fit';
import { coverGeometry, px, type Box } from '../layout';
import { imageColumn, type Picture } from '../pictures';

/** The theme's cover title: 1.25 × the title size, at line height 1.08, its bar 18 px under it. */
const COVER_TITLE_LINE = 1.08;

/**
 * `cover`: series and date (teal, uppercase), the deck title large in the centred-title
 * placeholder with a teal bar under it, the part title (a part cover's body placeholder),
 * the agenda with its label and a teal rule (a first cover's body placeholder), and presenter
 * (bold navy) over organisation at the foot, in a column left of the layout's tinted panel.
 */
export function renderCover(ctx: SlideContext, images: readonly Picture[]): void {
  const cover = ctx.source.cover;
  const { geometry } = ctx;
  const layout = coverGeometry(geometry);
  const x = layout.column.x;
  const pictures = images.length > 0 ? imageColumn(ctx, images, { ...layout.column, y: layout.title.y, h: layout.column.y + layout.column.h - layout.title.y }) : undefined;
  const width = pictures ? pictures.box.w : layout.column.w;
  const text = (span: { text: string } | undefined) => (span ? displayText(span.text) : '');

  let y = layout.column.y;
  const seriesLines = [text(cover?.series), text(cover?.date)].filter((line) => line !== '');
  if (seriesLines.length > 0) {
    ctx.slide.addText(
      seriesLines.map((line, index) => ({ text: line, options: { breakLine: index < seriesLines.length - 1 } })),
      {
        x,
        y,
        w: width,
        h: layout.title.y - y,
        margin: 0,
        valign: 'top',
        fontFace: BRAND_FONT,
        fontSize: BRAND_SIZES.coverSeries,
        bold: true,
        charSpacing: CAPS_SPACING,
        lineSpacing: BRAND_SIZES.coverSeries * 1.35,
        color: BRAND_COLOURS.teal,
        objectName: 'Series and date',
      },
    );
    y = layout.title.y;
  }

  const deckTitle = text(cover?.deckTitle);
  if (deckTitle !== '') {
    const titleWidth = Math.min(width, layout.title.w);
    const lines = (size: number) => wrapLines(deckTitle, titleWidth, size, true);
    const size = fitFontSize((s) => (lines(s) * s * COVER_TITLE_LINE) / POINTS_PER_INCH, layout.title.h, BRAND_SIZES.coverTitle.max, BRAND_SIZES.coverTitle.min);
    const lineBox = (lines(size) * size * COVER_TITLE_LINE) / POINTS_PER_INCH;
    // PowerPoint sets a line 1.22 em high, the theme 1.08 em: the glyphs stand as high as in the theme.
    const overhang = (size * (LINE_HEIGHT - COVER_TITLE_LINE)) / 2 / POINTS_PER_INCH;
    ctx.slide.addText([{ text: deckTitle, options: { fontSize: size, bold: true, color: BRAND_COLOURS.navy, fontFace: BRAND_FONT } }], {
      x,
      y: y - overhang,
      w: titleWidth,
      h: (lines(size) * size * LINE_HEIGHT) / POINTS_PER_INCH,
      margin: 0,
      valign: 'top',
      align: 'left',
      objectName: ctx.placeholder('title') ?? 'Deck title',
    });
    y += lineBox + px(18);
  }
  addRule(ctx, 'Title bar', { x, y, w: px(96), h: px(6) });
  y += px(6) + px(0.3 * 55);

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
      objectName: ctx.placeholder('body') ?? 'Part title',
    });
    y += height + 0.2;
  }

  const presenterLines = [text(cover?.presenter), text(cover?.organisation)].filter((line) => line !== '');
  const presenterHeight = (presenterLines.length * BRAND_SIZES.coverPresenter * 1.35) / POINTS_PER_INCH;
  const footTop = layout.column.y + layout.column.h - presenterHeight;

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
  pictures?.draw();

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
      h: presenterHeight,
      margin: 0,
      valign: 'bottom',
      fontFace: BRAND_FONT,
      fontSize: BRAND_SIZES.coverPresenter,
      lineSpacing: BRAND_SIZES.coverPresenter * 1.35,
      objectName: 'Presenter and organisation',
    });
  }
}

/** A teal rule (an ornament: it has no text, so the finishing pass marks it decorative). */
function addRule(ctx: SlideContext, name: string, box: Box): void {
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, { ...box, fill: { color: BRAND_COLOURS.teal }, line: { color: BRAND_COLOURS.teal, width: 0 }, objectName: name });
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
  addRule(ctx, 'Agenda rule', { x: box.x, y: box.y, w: px(4), h: height });
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
    { x: box.x + inset, y: box.y, w: width, h: height, margin: 0, valign: 'top', fontFace: BRAND_FONT, objectName: ctx.placeholder('body') ?? 'Agenda' },
  );
  return box.y + height + 0.2;
}
