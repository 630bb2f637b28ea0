/**
 * Where shapes stand relative to each other: rows, grids, boxes inside boxes. Positions
 * only; what the shapes mean is the recognisers' business.
 */
import type { Box, Shape, TextShape } from './model';
import { shapeText } from './decoration';

export function centre(box: Box): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

/** The slide's text shapes that hold text, in reading order. */
export function textShapes(shapes: readonly Shape[]): TextShape[] {
  return shapes.filter((shape): shape is TextShape => shape.kind === 'text' && shapeText(shape) !== '');
}

/** Whether boxes stand side by side: their vertical centres within half the tallest one's height. */
export function inOneRow(boxes: readonly Box[]): boolean {
  if (boxes.length < 2) return false;
  const tallest = Math.max(...boxes.map((box) => box.h));
  const centres = boxes.map((box) => centre(box).y);
  return Math.max(...centres) - Math.min(...centres) <= tallest / 2;
}

/** Items left to right. */
export function leftToRight<T extends { box: Box | undefined }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.box!.x - b.box!.x);
}

/**
 * Four items as a 2 × 2 grid in reading order (top left, top right, bottom left, bottom
 * right), or undefined when they do not stand so.
 */
export function gridOfFour<T extends { box: Box | undefined }>(items: readonly T[]): T[] | undefined {
  if (items.length !== 4 || items.some((item) => !item.box)) return undefined;
  const byRow = [...items].sort((a, b) => centre(a.box!).y - centre(b.box!).y);
  const top = leftToRight(byRow.slice(0, 2));
  const bottom = leftToRight(byRow.slice(2));
  const rowsHold = inOneRow(top.map((item) => item.box!)) && inOneRow(bottom.map((item) => item.box!));
  const apart = (row: T[]) => centre(row[1]!.box!).x - centre(row[0]!.box!).x >= row[0]!.box!.w / 2;
  const below = centre(bottom[0]!.box!).y - centre(top[0]!.box!).y >= top[0]!.box!.h / 2;
  const columnsAlign = Math.abs(top[0]!.box!.x - bottom[0]!.box!.x) <= top[0]!.box!.w / 2 && Math.abs(top[1]!.box!.x - bottom[1]!.box!.x) <= top[1]!.box!.w / 2;
  return rowsHold && apart(top) && apart(bottom) && below && columnsAlign ? [...top, ...bottom] : undefined;
}

/** Whether `inner` lies within `outer` (a small tolerance for rounding). */
export function contains(outer: Box, inner: Box, tolerance = 0.05): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.w <= outer.x + outer.w + tolerance &&
    inner.y + inner.h <= outer.y + outer.h + tolerance
  );
}

/** Whether two boxes overlap horizontally. */
export function overlapX(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w;
}

/** The nearest shape below `box` that overlaps it horizontally, among `candidates`. */
export function nearestBelow<T extends { box: Box | undefined }>(box: Box, candidates: readonly T[]): T | undefined {
  return candidates
    .filter((candidate) => candidate.box && candidate.box.y >= box.y + box.h / 2 && overlapX(box, candidate.box))
    .sort((a, b) => a.box!.y - b.box!.y)[0];
}
