import { concatRuns, plainRuns } from '../../../deck/runs';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES } from '../brand';
import { displayText, flowBlocks, listItems } from '../content';
import type { SlideContext } from '../context';
import { addCallout, addFlow, addFootnotes, calloutSize, flowFontSize, flowHeight, footnotesHeight } from '../draw';
import { fitFontSize, textHeight } from '../fit';
import { addImageColumn, type Picture } from '../pictures';
import { above, below, type Box } from '../layout';

/** Space between stacked blocks of a slide, in inches. */
export const GAP = 0.2;

/** Puts the slide title in the master's title placeholder, sized to fit (two lines at most). */
export function addTitle(ctx: SlideContext, options: { color?: string; fontSize?: number; charSpacing?: number } = {}): void {
  const title = ctx.text.title;
  if (!title) return;
  const text = displayText(title.text);
  const box = ctx.geometry.title;
  const fontSize =
    options.fontSize ??
    fitFontSize((size) => textHeight([{ text, bold: true }], box.w, size), box.h, BRAND_SIZES.title.max, BRAND_SIZES.title.min);
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
    { placeholder: 'title' },
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

/** What the frame leaves for a slide module: the content box, and a place for the callout. */
export interface Frame {
  box: Box;
  /**
   * Draws the key message just under `contentBottom` (or at the foot of the content area
   * when the content fills it). A no-op when the slide has none.
   */
  placeCallout(contentBottom: number): void;
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
  if (notesHeight > 0) {
    const bottom = box.y + box.h;
    addFootnotes(ctx, sources, { x: box.x, y: bottom - notesHeight, w: box.w, h: notesHeight }, options.footnoteColour);
    box = above(box, bottom - notesHeight - GAP);
  }
  if (images.length > 0) box = addImageColumn(ctx, images, box);
  const quotes = options.callout === false ? [] : ctx.source.blockquotes;
  const quote = quotes.map((b) => b.text).join('\n');
  if (quote.trim() === '') return { box, placeCallout: () => undefined };
  const quoteRuns = concatRuns(...quotes.flatMap((b, index) => (index === 0 ? [b.runs] : [plainRuns('\n'), b.runs])));
  const callout = calloutSize(displayText(quote), box.w, Math.min(1.6, box.h / 3));
  const reserved = above(box, box.y + box.h - callout.height - GAP);
  return {
    box: reserved,
    placeCallout(contentBottom: number) {
      const y = Math.min(contentBottom + GAP, box.y + box.h - callout.height);
      addCallout(ctx, quoteRuns, { x: box.x, y, w: box.w, h: callout.height }, callout.fontSize);
    },
  };
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
