/**
 * A slide as the recognisers see it: decoration taken out, the title found, the rest of its
 * shapes in reading order.
 */
import { oneLine, paragraphText, wordCount } from './blocks';
import { isDecoration, shapeText } from './decoration';
import type { Shape, SourceSlide, TextShape } from './model';

export interface ImportSlide {
  source: SourceSlide;
  /** Slide size in inches. */
  width: number;
  height: number;
  /** 0-based position among the slides imported (hidden slides are not). */
  index: number;
  /** The presentation's title (document properties), which every cover repeats. */
  deckTitle: string;
  /** The title on one line, and the shape it came from. */
  title: string | undefined;
  titleShape: TextShape | undefined;
  /** Content in reading order: no decoration, no title. */
  shapes: Shape[];
}

/** A title is one short line: longer text in the top of a slide is content. */
const TITLE_MAX_WORDS = 15;

export interface FrameContext {
  width: number;
  height: number;
  deckTitle: string;
  /** Texts that repeat as furniture (see decoration.ts). */
  repeated: ReadonlySet<string>;
}

export function frameSlide(source: SourceSlide, index: number, context: FrameContext): ImportSlide {
  const { width, height, deckTitle, repeated } = context;
  const content = source.shapes.filter((shape) => !isDecoration(shape, height, repeated));
  const titleShape = findTitle(content, height);
  const title = titleShape ? oneLine(titleShape.paragraphs.map(paragraphText).join(' ')) : undefined;
  return { source, width, height, deckTitle, index, title, titleShape, shapes: content.filter((shape) => shape !== titleShape) };
}

/**
 * The title placeholder (title or centred title) when it holds text; otherwise, for slides
 * drawn with plain text boxes, the one-line text set largest in the top 40% of the slide
 * (the topmost one when sizes are not known).
 */
function findTitle(shapes: readonly Shape[], height: number): TextShape | undefined {
  const texts = shapes.filter((shape): shape is TextShape => shape.kind === 'text' && shapeText(shape) !== '');
  const placeholder = texts.find((shape) => shape.placeholder === 'title');
  if (placeholder) return placeholder;
  const candidates = texts.filter(
    (shape) =>
      shape.placeholder === undefined &&
      shape.paragraphs.length === 1 &&
      shape.paragraphs[0]!.bullet === 'none' &&
      wordCount(shapeText(shape)) <= TITLE_MAX_WORDS &&
      shape.box !== undefined &&
      shape.box.y + shape.box.h / 2 < height * 0.4,
  );
  if (candidates.length === 0) return undefined;
  const sizeOf = (shape: TextShape) => Math.max(0, ...shape.paragraphs.map((paragraph) => paragraph.size ?? 0));
  const largest = Math.max(...texts.map(sizeOf));
  const sized = candidates.filter((shape) => largest > 0 && sizeOf(shape) === largest);
  const pool = sized.length > 0 ? sized : largest > 0 ? [] : candidates;
  return [...pool].sort((a, b) => a.box!.y - b.box!.y)[0];
}
