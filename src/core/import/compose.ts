/**
 * One framed slide to house Markdown: the first recogniser that knows the slide types it;
 * its blocks stand where its first claimed shape stood; every other shape is written as
 * plain content in reading order (a lone bold line under the title as the `###` subtitle,
 * one filled single-paragraph text as the `>` key message), pictures are handed to the
 * deck's image folder, footnote source lines go last, and what cannot be written is reported.
 */
import type { SlideType } from '../deck/types';
import { altTextWithoutKeywords } from '../deck/image-keywords';
import { chartTableBlock, oneLine, paragraphBlocks, paragraphText, plain, runsText, tableBlock, withoutUniformFormatting, wordCount, type Block } from './blocks';
import { shapeText } from './decoration';
import type { ImportSlide } from './frame';
import { contains } from './geometry';
import type { SlideMarkdown } from './markdown';
import type { Paragraph, PictureShape, Shape, TextShape } from './model';
import { RECOGNISERS } from '../slide-types';
import type { Recognition } from './recognisers/recogniser';

export interface ComposeContext {
  /** Stores a picture in the deck's image folder; returns its path relative to the deck. */
  addImage(data: Uint8Array, extension: string, slideNumber: number): string;
  /** Something a person should check, on the PowerPoint slide `slideNumber`. */
  finding(slideNumber: number, message: string): void;
}

/** Picture formats a browser draws; others (EMF, WMF, TIFF) are kept but reported. */
const WEB_IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp']);
/** A subtitle is one short line. */
const SUBTITLE_MAX_WORDS = 15;
/** A picture taking this share of the slide, with this few words beside it, may be a picture of text. */
const LARGE_PICTURE_SHARE = 0.4;
const FEW_WORDS = 10;
const SOURCE_LINE = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/;

/** The first recogniser that knows the slide; a slide none knows is `content`, the house's default. */
function recognise(slide: ImportSlide): { type: SlideType; recognition: Recognition } {
  for (const recogniser of RECOGNISERS) {
    const recognition = recogniser.recognise(slide);
    if (recognition) return { type: recogniser.type, recognition };
  }
  return { type: 'content', recognition: { blocks: [], claimed: new Set() } };
}

export function composeSlide(slide: ImportSlide, context: ComposeContext): SlideMarkdown {
  const { type, recognition } = recognise(slide);
  const number = slide.source.number;
  for (const message of recognition.findings ?? []) context.finding(number, message);

  const blocks: Block[] = [];
  if (!recognition.ownsTitle && slide.title !== undefined) blocks.push({ kind: 'heading', level: 2, text: slide.title });
  const unclaimed = slide.shapes.filter((shape) => !recognition.claimed.has(shape));
  const subtitle = findSubtitle(unclaimed, slide.shapes);
  const callout = findCallout(unclaimed, slide.shapes);
  const rest: Block[] = [];
  let placedAt: number | undefined;
  const place = () => {
    placedAt = blocks.length;
    blocks.push(...recognition.blocks);
  };
  for (const shape of slide.shapes) {
    if (recognition.claimed.has(shape)) {
      if (placedAt === undefined) place();
    } else {
      const own = shape === subtitle ? [{ kind: 'heading', level: 3, text: shapeText(shape) } as const] : shape === callout ? [calloutBlock(callout)] : shapeBlocks(shape, slide, context);
      (recognition.restAt === undefined ? blocks : rest).push(...own);
    }
  }
  if (placedAt === undefined) place();
  if (recognition.restAt !== undefined) blocks.splice(placedAt! + recognition.restAt, 0, ...rest);
  reportPictureOfText(slide, context);
  const notes = slide.source.notes.map((paragraph) => `${paragraph.bullet === 'none' ? '' : '- '}${paragraphText(paragraph).trim()}`).join('\n\n');
  return { type, blocks: sourceLinesLast(blocks), notes };
}

function calloutBlock(callout: TextShape): Block {
  return { kind: 'quote', runs: withoutUniformFormatting(callout.paragraphs)[0]!.runs };
}

/** A shape no recogniser claimed, as plain content. */
function shapeBlocks(shape: Shape, slide: ImportSlide, context: ComposeContext): Block[] {
  const number = slide.source.number;
  switch (shape.kind) {
    case 'text':
      return paragraphBlocks(shape.paragraphs);
    case 'table': {
      const block = tableBlock(shape);
      return block ? [block] : [];
    }
    case 'chart': {
      const block = chartTableBlock(shape);
      if (!block) {
        context.finding(number, `the chart "${shape.name}" has no cached data: it was not imported`);
        return [];
      }
      context.finding(number, 'a second chart on the slide became a table');
      return shape.title ? [block, { kind: 'paragraph', lines: [[plain(oneLine(shape.title))]] }] : [block];
    }
    case 'picture':
      return pictureBlocks(shape, number, context);
    case 'graphic':
      return graphicBlocks(shape, number, context);
    case 'line':
      return [];
  }
}

function pictureBlocks(picture: PictureShape, number: number, context: ComposeContext): Block[] {
  if ('missing' in picture.image) {
    context.finding(
      number,
      picture.image.missing === 'linked'
        ? `the picture "${picture.name}" is linked to a file outside the presentation: it was not followed; insert the picture itself`
        : `the picture "${picture.name}" is missing from the file`,
    );
    return [];
  }
  const { data, extension } = picture.image;
  const src = context.addImage(data, extension, number);
  const alt = oneLine(picture.description);
  if (alt === '') context.finding(number, `the picture ${src} has no description (alt text): write one`);
  else if (altTextWithoutKeywords(alt) !== alt) context.finding(number, `the alt text of ${src} has words Marp reads as image options (a size, a filter): reword it`);
  if (!WEB_IMAGE_EXTENSIONS.has(extension)) context.finding(number, `the picture ${src} is ${extension.toUpperCase()}, which browsers do not draw: save it as PNG`);
  return [{ kind: 'image', alt, src }];
}

function graphicBlocks(graphic: Extract<Shape, { kind: 'graphic' }>, number: number, context: ComposeContext): Block[] {
  const label = graphic.name ? ` "${graphic.name}"` : '';
  if (graphic.what === 'smartart') {
    if (graphic.paragraphs.length === 0) {
      context.finding(number, `the SmartArt${label} holds no text that could be read: redraw it`);
      return [];
    }
    context.finding(number, `the SmartArt${label} became a list of its text: check its order and choose a slide type for it`);
    return paragraphBlocks(graphic.paragraphs);
  }
  const what = graphic.what === 'ole' ? 'embedded object' : graphic.what === 'media' ? 'video or sound' : 'drawing';
  context.finding(number, `the ${what}${label} was not imported${graphic.description ? ` (its description: ${graphic.description})` : ''}`);
  return [];
}

/** The first content in reading order, when it is one short bold line above all other content. */
function findSubtitle(unclaimed: readonly Shape[], all: readonly Shape[]): TextShape | undefined {
  const first = all.find((shape) => shape.kind !== 'line' && !(shape.kind === 'text' && (shape.paragraphs.length === 0 || isSourceText(shape))));
  if (!first || first.kind !== 'text' || !unclaimed.includes(first) || first.paragraphs.length !== 1) return undefined;
  const [paragraph] = first.paragraphs as [Paragraph];
  const bold = paragraph.runs.every((run) => run.bold || run.text.trim() === '');
  const others = all.filter((shape) => shape !== first && shape.box && (shape.kind !== 'text' || shape.paragraphs.length > 0));
  const above = first.box !== undefined && others.every((shape) => shape.box!.y >= first.box!.y + first.box!.h * 0.5);
  const short = wordCount(paragraphText(paragraph)) <= SUBTITLE_MAX_WORDS && !paragraphText(paragraph).includes('\n');
  return paragraph.bullet === 'none' && bold && short && above && others.length > 0 ? first : undefined;
}

/** A one-paragraph text on a fill of its own or on a filled box: the key message (one a slide). */
function findCallout(unclaimed: readonly Shape[], all: readonly Shape[]): TextShape | undefined {
  const boxes = all.filter((shape): shape is TextShape => shape.kind === 'text' && shape.filled && shape.paragraphs.length === 0 && shape.box !== undefined);
  const hasOtherContent = (shape: Shape) => all.some((other) => other !== shape && (other.kind === 'text' ? other.paragraphs.length > 0 : other.kind !== 'line'));
  return unclaimed.find(
    (shape): shape is TextShape =>
      shape.kind === 'text' &&
      shape.paragraphs.length === 1 &&
      shape.paragraphs[0]!.bullet === 'none' &&
      !isSourceText(shape) &&
      (shape.filled || (shape.box !== undefined && boxes.some((box) => contains(box.box!, shape.box!)))) &&
      hasOtherContent(shape),
  );
}

/** A text of footnote source lines only (`¹ Source …`). */
function isSourceText(shape: TextShape): boolean {
  return shape.paragraphs.length > 0 && shape.paragraphs.every((paragraph) => SOURCE_LINE.test(paragraphText(paragraph).trim()));
}

/** Footnote source lines (`¹ Source …`) moved after the slide's content, each a paragraph. */
function sourceLinesLast(blocks: readonly Block[]): Block[] {
  const body: Block[] = [];
  const sources: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' && SOURCE_LINE.test(runsText(block.lines[0] ?? []).trim())) sources.push(block);
    else body.push(block);
  }
  return [...body, ...sources];
}

function reportPictureOfText(slide: ImportSlide, context: ComposeContext): void {
  const area = slide.width * slide.height;
  const large = slide.shapes.find((shape) => shape.kind === 'picture' && shape.box && shape.box.w * shape.box.h >= area * LARGE_PICTURE_SHARE);
  if (!large) return;
  const words = slide.shapes.reduce((sum, shape) => sum + (shape === large ? 0 : wordCount(shapeText(shape))), 0);
  if (words <= FEW_WORDS) {
    context.finding(slide.source.number, `the picture "${large.name}" fills much of the slide and there is little text: if it is a picture of text, type the text in`);
  }
}
