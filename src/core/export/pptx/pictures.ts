import type { Image } from '../../deck/types';
import { imageKeywords, type ImageKeywords } from '../../deck/image-keywords';
import { DECORATIVE_PICTURE_PREFIX, NO_ALT_TEXT } from './placeholders';
import type { SlideContext } from './context';
import { containBox, type LoadedImage } from './images';
import { PICTURE_COLUMN, type Box, type SlideGeometry } from './layout';

/**
 * Pictures as Marp places them: inline pictures in the slide's picture column (see
 * `addImageColumn`), sized by `w:`/`h:`; background pictures (`![bg]`) behind the content,
 * between the house bands (the theme draws its header band and footer over a background, so
 * the PowerPoint master's bands stay in view): one picture fills that area, several share
 * it side by side (or stacked with `vertical`), each sized as its keywords say (`cover`,
 * `contain`/`fit`, `auto`, `50%`). A split background (`bg left`, `bg right:30%`) is a
 * picture column of that share of the slide's width under the title, the content beside it.
 * Of Marp's CSS filters, `opacity` is drawn (as the picture's transparency); the others
 * are named in a warning and the picture is drawn without them.
 */

/** A loaded picture with the keywords of its alt text and where the deck writes it. */
export interface Picture {
  image: LoadedImage;
  keywords: ImageKeywords;
  source: Image;
}

export function pictureOf(image: LoadedImage, source: Image): Picture {
  return { image, keywords: imageKeywords(source.alt), source };
}

/** px of the slide's CSS size (96 an inch) to inches; other CSS units converted, `%` and font units left out. */
function cssLength(value: string | undefined): number | undefined {
  const match = /^((?:\d*\.)?\d+)(px|pt|pc|in|cm|mm)?$/.exec(value ?? '');
  if (!match) return undefined;
  const perInch: Record<string, number> = { px: 96, pt: 72, pc: 6, in: 1, cm: 2.54, mm: 25.4 };
  return Number(match[1]) / perInch[match[2] ?? 'px']!;
}

/** Transparency (0–100) from an `opacity` filter (`opacity` alone is Marp's 0.5). */
function transparency(picture: Picture): number | undefined {
  const opacity = picture.keywords.filters.find((filter) => filter.name === 'opacity');
  if (!opacity) return undefined;
  const value = opacity.value === undefined ? 0.5 : opacity.value.endsWith('%') ? Number.parseFloat(opacity.value) / 100 : Number.parseFloat(opacity.value);
  return Number.isFinite(value) ? Math.round(Math.min(1, Math.max(0, 1 - value)) * 100) : undefined;
}

/** Warns once a picture about the filters PowerPoint does not draw. */
function warnFilters(ctx: SlideContext, picture: Picture): void {
  const skipped = picture.keywords.filters.filter((filter) => filter.name !== 'opacity').map((filter) => filter.name);
  if (skipped.length === 0) return;
  const names = skipped.map((name) => `\`${name}\``).join(', ');
  ctx.warn('picture-filter', `Picture ${picture.image.name}: ${names} ${skipped.length === 1 ? 'filter is' : 'filters are'} not drawn in PowerPoint; the picture is shown without ${skipped.length === 1 ? 'it' : 'them'}.`, picture.source.range);
}

/** Draws a picture in `box`; with `cover`, scaled to cover the box and cropped to it, centred. */
function addPicture(ctx: SlideContext, picture: Picture, box: Box, cover = false): void {
  warnFilters(ctx, picture);
  const alpha = transparency(picture);
  const natural = naturalSize(picture.image);
  ctx.slide.addImage({
    data: picture.image.data,
    ...(cover ? { x: box.x, y: box.y, ...natural, sizing: { type: 'cover' as const, w: box.w, h: box.h } } : box),
    ...(alpha !== undefined ? { transparency: alpha } : {}),
    // pptxgenjs writes its own name for the picture as the description when there is none.
    altText: picture.image.alt.trim() === '' ? NO_ALT_TEXT : picture.image.alt,
    // A background the author gave no words to is decoration (the finishing pass marks it so).
    objectName: picture.keywords.background && picture.image.alt.trim() === '' ? `${DECORATIVE_PICTURE_PREFIX}${picture.image.name}` : picture.image.name,
  });
}

/** Splits `box` into `count` equal slots, side by side or stacked. */
function slots(box: Box, count: number, vertical: boolean): Box[] {
  return Array.from({ length: count }, (_, index) =>
    vertical
      ? { x: box.x, y: box.y + (box.h / count) * index, w: box.w, h: box.h / count }
      : { x: box.x + (box.w / count) * index, y: box.y, w: box.w / count, h: box.h },
  );
}

/** Inches a picture's pixels take at the slide's CSS scale (96 px an inch). */
function naturalSize(image: LoadedImage): { w: number; h: number } {
  return { w: image.width / 96, h: image.height / 96 };
}

/** Draws one background picture in its slot as its sizing keyword says. */
function addBackground(ctx: SlideContext, picture: Picture, slot: Box): void {
  const { image, keywords } = picture;
  const ratio = image.width / image.height;
  if (keywords.sizing === 'cover') return addPicture(ctx, picture, slot, true);
  if (keywords.sizing === 'contain') return addPicture(ctx, picture, containBox(image, slot));
  const natural = naturalSize(image);
  const w = keywords.sizing === 'auto' ? natural.w : slot.w * keywords.sizing;
  const fitted = containBox(image, { ...slot, w: Math.min(w, slot.w), h: Math.min(w / ratio, slot.h) });
  addPicture(ctx, picture, { ...fitted, x: slot.x + (slot.w - fitted.w) / 2, y: slot.y + (slot.h - fitted.h) / 2 });
}

/** The area backgrounds fill: the slide between the house bands. */
function backgroundArea(geometry: SlideGeometry): Box {
  const top = geometry.accent.y + geometry.accent.h;
  return { x: 0, y: top, w: geometry.width, h: geometry.footer.y - top };
}

/**
 * Draws the slide's background pictures (call before anything else, so they sit behind) and
 * returns the geometry the slide's content is laid out in: the same, or with the body
 * narrowed beside a split background's column.
 */
export function addBackgrounds(ctx: SlideContext, backgrounds: readonly Picture[]): SlideGeometry {
  if (backgrounds.length === 0) return ctx.geometry;
  const { geometry } = ctx;
  const split = backgrounds.find((picture) => picture.keywords.split)?.keywords.split;
  const vertical = backgrounds.some((picture) => picture.keywords.vertical);
  if (!split) {
    slots(backgroundArea(geometry), backgrounds.length, vertical).forEach((slot, index) => addBackground(ctx, backgrounds[index]!, slot));
    return geometry;
  }
  const top = geometry.body.y;
  const bottom = geometry.footer.y;
  const width = geometry.width * split.share;
  const column = { x: split.side === 'left' ? 0 : geometry.width - width, y: top, w: width, h: bottom - top };
  slots(column, backgrounds.length, vertical).forEach((slot, index) => addBackground(ctx, backgrounds[index]!, slot));
  const gap = geometry.margin / 2;
  const body =
    split.side === 'left'
      ? { ...geometry.body, x: width + gap, w: geometry.body.x + geometry.body.w - width - gap }
      : { ...geometry.body, w: geometry.width - width - gap - geometry.body.x };
  return { ...geometry, body };
}

/**
 * Inline pictures in a column on the right of `box`, stacked, aspect kept, no larger than a
 * `w:`/`h:` keyword asks: returns the box left of them, and `draw`, which adds the pictures
 * (called where they come in the slide's reading order).
 */
export function imageColumn(ctx: SlideContext, pictures: readonly Picture[], box: Box): { box: Box; draw(): void } {
  const gap = 0.2;
  const columnWidth = box.w * PICTURE_COLUMN.share;
  const each = (box.h - gap * (pictures.length - 1)) / pictures.length;
  const draw = () =>
    pictures.forEach((picture, index) => {
      const slot = { x: box.x + box.w - columnWidth, y: box.y + index * (each + gap), w: columnWidth, h: each };
      const width = cssLength(picture.keywords.width);
      const height = cssLength(picture.keywords.height);
      const ratio = picture.image.width / picture.image.height;
      const wanted = width ?? (height !== undefined ? height * ratio : undefined);
      const limited = wanted === undefined ? slot : { ...slot, w: Math.min(slot.w, wanted), h: Math.min(slot.h, wanted / ratio) };
      const fitted = containBox(picture.image, limited);
      addPicture(ctx, picture, { ...fitted, x: slot.x + (slot.w - fitted.w) / 2, y: slot.y + (slot.h - fitted.h) / 2 });
    });
  return { box: { ...box, w: box.w - columnWidth - PICTURE_COLUMN.gap }, draw };
}
