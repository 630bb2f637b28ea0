/**
 * What the house theme draws on every slide, and what PowerPoint furniture is: dropped on
 * import, never turned into content. The tagline, the wordmark, slide numbers, footers,
 * headers and date placeholders, and a text or picture that repeats at the same place in
 * the top or bottom band of most slides (a footer typed on each slide, a pasted logo).
 */
import { oneLine, paragraphText } from './blocks';
import type { Shape, SourcePresentation } from './model';

const TAGLINE = /^efficiency\W+quality\W+accountability$/i;
const WORDMARK = new Set(['improvement is.', 'improvement is', 'improvement service', 'improvement is. improvement service', 'improvement is improvement service']);
/** Parts of the wordmark that are decoration only where the wordmark stands: the footer band. */
const WORDMARK_PIECES = new Set(['improvement', 'is.']);
/** The share of the slide's height, at the top and at the bottom, where furniture stands. */
const BAND = 0.15;
/** A text repeated on at least this share of the slides (and at least 3) is furniture. */
const REPEATED_SHARE = 0.5;

export function shapeText(shape: Shape): string {
  if (shape.kind !== 'text' && shape.kind !== 'graphic') return '';
  return oneLine(shape.paragraphs.map(paragraphText).join(' '));
}

function inBand(shape: Shape, height: number): 'top' | 'bottom' | undefined {
  if (!shape.box) return undefined;
  if (shape.box.y + shape.box.h <= height * BAND + 0.01) return 'top';
  if (shape.box.y >= height * (1 - BAND) - 0.01) return 'bottom';
  return undefined;
}

/** What a shape shows and where: its text, or a picture's size in bytes; its place to a tenth of an inch. */
function repeatKey(shape: Shape): string {
  const box = shape.box;
  const what = shape.kind === 'picture' ? `picture:${'data' in shape.image ? shape.image.data.length : 'none'}` : shapeText(shape);
  return `${what}@${box ? [box.x, box.y].map((value) => Math.round(value * 10)).join(',') : ''}`;
}

/** Text, or a picture (a logo), that could be furniture if it repeats. */
function mayRepeat(shape: Shape): boolean {
  if (shape.kind === 'picture') return true;
  return shape.kind === 'text' && shape.placeholder !== 'title' && shapeText(shape) !== '';
}

/** Texts and pictures that stand at the same place in the top or bottom band of most slides. */
export function repeatedFurniture(presentation: SourcePresentation): Set<string> {
  const counts = new Map<string, number>();
  for (const slide of presentation.slides) {
    const keys = new Set<string>();
    for (const shape of slide.shapes) {
      if (!mayRepeat(shape) || !inBand(shape, presentation.height)) continue;
      keys.add(repeatKey(shape));
    }
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(3, presentation.slides.length * REPEATED_SHARE);
  return new Set([...counts].filter(([, count]) => count >= threshold).map(([key]) => key));
}

export function isDecoration(shape: Shape, slideHeight: number, repeated: ReadonlySet<string>): boolean {
  if (shape.kind === 'picture') return inBand(shape, slideHeight) !== undefined && repeated.has(repeatKey(shape));
  if (shape.kind !== 'text') return false;
  if (shape.placeholder && ['date', 'footer', 'slide-number', 'header'].includes(shape.placeholder)) return true;
  const text = shapeText(shape);
  if (text === '') return false;
  if (TAGLINE.test(text) || WORDMARK.has(text.toLowerCase())) return true;
  const band = inBand(shape, slideHeight);
  if (band === 'bottom' && (WORDMARK_PIECES.has(text.toLowerCase()) || /^\d{1,4}$/.test(text))) return true;
  return band !== undefined && shape.placeholder !== 'title' && repeated.has(repeatKey(shape));
}
