import { concatRuns, plainRuns } from '../../../deck/runs';
import type { RichTextSpan, TextRun } from '../../../deck/types';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES } from '../brand';
import { displayText, flowBlocks, listItems } from '../content';
import type { SlideContext } from '../context';
import { addCallout, addFlow, addFootnotes, calloutSize, flowFontSize, flowHeight, footnotesHeight } from '../draw';
import { fitFontSize, textHeight } from '../fit';
import { imageColumn, type Picture } from '../pictures';
import { above, below, type Box } from '../layout';

/** Space between stacked blocks of a slide, in inches. */
export const GAP = 0.2;

/**
 * Puts the slide title in the layout's title placeholder, sized to fit (two lines at most): its
 * last line sits on the theme's title line, over the layout's teal bar; a second line goes up.
 */
export function addTitle(ctx: SlideContext, options: { color?: string; fontSize?: number; charSpacing?: number; box?: Box; valign?: 'top' | 'bottom' } = {}): void {
  const title = ctx.text.title;
  if (!title) return;
  const text = displayText(title.text);
  const box = options.box ?? ctx.geometry.title;
  const { max, min } = ctx.geometry.sizes.title;
  const fontSize = options.fontSize ?? fitFontSize((size) => textHeight([{ text, bold: true }], box.w, size), box.h, max, min);
  ctx.slide.addText(
    [
      {
        text,
        options: {
          fontSize,
          bold: true,
          fontFace: BRAND_FONT,
          color: options.color ?? BRAND_COLOURS.navy,
          ...(options.charSpacing ? { charSpacing: options.charSpacing } : {}),
        },
      },
    ],
    { ...box, margin: 0, valign: options.valign ?? 'bottom', align: 'left', objectName: ctx.placeholder('title') ?? 'Title text' },
  );
}

/** The subtitle (`###`) in teal under the title; returns where the content starts. */
export function addSubtitle(ctx: SlideContext, top: number): number {
  const subtitle = ctx.text.subtitle;
  if (!subtitle) return top;
  const { body } = ctx.geometry;
  const text = displayText(subtitle.text);
  const fontSize = BRAND_SIZES.subtitle;
  const height = textHeight([{ text, bold: true }], body.w, fontSize) + 0.04;
  ctx.slide.addText(text, {
    x: body.x,
    y: top,
    w: body.w,
    h: height,
    margin: 0,
    valign: 'top',
    fontFace: BRAND_FONT,
    fontSize,
    bold: true,
    color: BRAND_COLOURS.teal,
    objectName: 'Subtitle',
  });
  return top + height + GAP;
}

export interface FrameOptions {
  /** Draw the key message (`>`) as a callout at the foot of the content area (default true). */
  callout?: boolean;
  /** Footnote text colour (the discussion slide is navy). */
  footnoteColour?: string;
}

/** The runs of the slide's blockquotes, one line each. */
export function blockquoteRuns(quotes: readonly RichTextSpan[]): TextRun[] {
  return concatRuns(...quotes.flatMap((quote, index) => (index === 0 ? [quote.runs] : [plainRuns('\n'), quote.runs])));
}

/** What the frame leaves for a slide module: the content box, and the parts that come after the content. */
export interface Frame {
  box: Box;
  /**
   * Draws what follows the slide's own content in reading order: its pictures, the key message
   * just under `contentBottom` (or at the foot of the content area when the content fills it)
   * and the footnote sources at the foot, in source order. Called last by every slide module,
   * so the selection pane (PowerPoint's reading order) lists the shapes as the deck has them.
   */
  finish(contentBottom: number): void;
}

/**
 * The parts every non-cover slide shares: title, subtitle, footnote sources at the foot,
 * images in a column on the right, and room for the key message. Returns the box left
 * for the slide's own content.
 */
export function standardFrame(ctx: SlideContext, images: readonly Picture[], options: FrameOptions = {}): Frame {
  addTitle(ctx);
  let box = below(ctx.geometry.body, addSubtitle(ctx, ctx.geometry.body.y));
  const sources = ctx.text.sources;
  const notesHeight = footnotesHeight(sources, box.w);
  const later: { line: number; draw(contentBottom: number): void }[] = [];
  if (notesHeight > 0) {
    const bottom = box.y + box.h;
    const notesBox = { x: box.x, y: bottom - notesHeight, w: box.w, h: notesHeight };
    const line = ctx.source.footnoteSources[0]?.range.line ?? Number.MAX_SAFE_INTEGER;
    later.push({ line, draw: () => addFootnotes(ctx, sources, notesBox, options.footnoteColour) });
    box = above(box, bottom - notesHeight - GAP);
  }
  if (images.length > 0) {
    const column = imageColumn(ctx, images, box);
    const line = images[0]!.source.range.line;
    // Pictures that come before the slide's text in the deck come before it in reading order too.
    if (line < firstContentLine(ctx)) column.draw();
    else later.push({ line, draw: column.draw });
    box = column.box;
  }
  const quotes = options.callout === false ? [] : ctx.source.blockquotes;
  const quote = quotes.map((b) => b.text).join('\n');
  if (quote.trim() !== '') {
    const quoteRuns = blockquoteRuns(quotes);
    const callout = calloutSize(displayText(quote), box.w, Math.min(1.6, box.h / 3));
    const area = box;
    later.push({
      line: quotes[0]!.range.line,
      draw(contentBottom: number) {
        const y = Math.min(contentBottom + GAP, area.y + area.h - callout.height);
        addCallout(ctx, quoteRuns, { x: area.x, y, w: area.w, h: callout.height }, callout.fontSize);
      },
    });
    box = above(box, box.y + box.h - callout.height - GAP);
  }
  return {
    box,
    finish(contentBottom: number) {
      for (const part of later.sort((a, b) => a.line - b.line)) part.draw(contentBottom);
    },
  };
}

/** The line of the slide's first words: a paragraph with text, a list, a table, a code block or a formula. */
function firstContentLine(ctx: SlideContext): number {
  const { source, text } = ctx;
  const paragraphs = text.paragraphs.filter((paragraph) => paragraph.lines.some((line) => line.trim() !== '')).map((paragraph) => paragraph.line);
  return Math.min(...paragraphs, ...[...source.lists, ...source.tables, ...source.codeBlocks, ...source.formulas].map((block) => block.range.line));
}

/**
 * For slides drawn from one list (models, statistics, spectrum): the slide's paragraphs and
 * any further lists go on top, in at most `introShare` of the box; returns the box left below
 * them and the first list's top-level items.
 */
export function introThenItems(ctx: SlideContext, box: Box, introShare: number): { box: Box; items: ReturnType<typeof listItems> } {
  const [list, ...otherLists] = ctx.source.lists;
  const intro = flowBlocks(ctx.text.paragraphs, otherLists, ctx.text.extras);
  let rest = box;
  if (intro.length > 0) {
    const introBox = { ...box, h: box.h * introShare };
    const size = flowFontSize(intro, introBox, { max: 18, min: 13 });
    addFlow(ctx, intro, introBox, { max: size, min: size });
    rest = below(box, box.y + Math.min(introBox.h, flowHeight(intro, box.w, size)) + GAP);
  }
  return { box: rest, items: list ? listItems(list).filter((item) => item.depth === 1) : [] };
}
