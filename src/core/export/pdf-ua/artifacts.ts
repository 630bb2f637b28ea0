/**
 * Rewrites a page's content stream so that nothing is painted outside marked content:
 *
 * - every painting group outside any tagged sequence (the theme's generated text, such as the
 *   tagline and the page number, and `aria-hidden` elements such as the wordmark: Chromium
 *   paints them without a structure node) is wrapped in `/Artifact … BDC … EMC`;
 * - the marked-content sequences the caller names as decoration (box backgrounds, bands and
 *   rules Chromium marks with the element that draws them) become artifacts too: their
 *   `BDC` is replaced, their `EMC` stays.
 *
 * Artifacts in the top or bottom band of the page are pagination artifacts (`/Header`,
 * `/Footer`); the rest are layout artifacts. Everything else is copied byte for byte.
 */
import type { Operation } from './content-stream';
import { isTagged, type PaintGroup } from './marked-content';

/** The house theme's bands as fractions of the slide's height: 40 + 4 px of 720 at the top, 64 px at the bottom. */
export const HEADER_BAND = 44 / 720;
export const FOOTER_BAND = 64 / 720;

export type ArtifactKind = 'header' | 'footer' | 'layout';

const PROPERTIES: Record<ArtifactKind, string> = {
  header: '/Artifact <</Type /Pagination /Subtype /Header>> BDC',
  footer: '/Artifact <</Type /Pagination /Subtype /Footer>> BDC',
  layout: '/Artifact <</Type /Layout>> BDC',
};

/** Where a box lies on a page ([x0, y0, x1, y1], y up): in the header band, the footer band, or elsewhere. */
export function artifactKind(box: PaintGroup['box'], page: readonly [number, number, number, number]): ArtifactKind {
  const height = page[3] - page[1];
  const slack = 0.5;
  if (box[1] >= page[3] - HEADER_BAND * height - slack) return 'header';
  if (box[3] <= page[1] + FOOTER_BAND * height + slack) return 'footer';
  return 'layout';
}

function union(boxes: PaintGroup['box'][]): PaintGroup['box'] {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/** Operators that may stand between `BT` and the first text-showing operator (or after the last one and `ET`) of a wrapped text object. */
const TEXT_STATE = new Set(['Tc', 'Tw', 'Tz', 'TL', 'Tf', 'Tr', 'Ts', 'Td', 'TD', 'Tm', 'T*', 'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN', 'gs', 'w', 'd', 'i', 'j', 'J', 'M', 'ri']);

/** Widens a text group to its whole `BT … ET` when nothing else is in that text object. */
function textObjectBounds(operations: readonly Operation[], group: PaintGroup): [number, number] {
  let first = group.first;
  while (first > 0 && TEXT_STATE.has(operations[first - 1]!.operator)) first--;
  let last = group.last;
  while (last + 1 < operations.length && TEXT_STATE.has(operations[last + 1]!.operator)) last++;
  const wraps = operations[first - 1]?.operator === 'BT' && operations[last + 1]?.operator === 'ET';
  return wraps ? [first - 1, last + 1] : [group.first, group.last];
}

export interface ArtifactRewrite {
  bytes: Uint8Array;
  /** Painting groups that were outside marked content and are now artifacts. */
  wrapped: number;
}

/**
 * The content stream with untagged painting wrapped as artifacts and the `decorative` MCIDs'
 * sequences turned into artifacts.
 */
export function markArtifacts(
  bytes: Uint8Array,
  operations: readonly Operation[],
  groups: readonly PaintGroup[],
  decorative: ReadonlySet<number>,
  page: readonly [number, number, number, number],
): ArtifactRewrite {
  const edits: { start: number; end: number; text: string }[] = [];
  let wrapped = 0;
  for (const group of groups) {
    if (isTagged(group.marks)) continue;
    const [first, last] = group.kind === 'text' ? textObjectBounds(operations, group) : [group.first, group.last];
    const kind = artifactKind(group.box, page);
    edits.push({ start: operations[first]!.start, end: operations[first]!.start, text: `${PROPERTIES[kind]}\n` });
    edits.push({ start: operations[last]!.end, end: operations[last]!.end, text: '\nEMC' });
    wrapped++;
  }
  const boxes = new Map<number, { open: number; boxes: PaintGroup['box'][] }>();
  for (const group of groups) {
    for (const mark of group.marks) {
      if (mark.mcid === undefined || !decorative.has(mark.mcid)) continue;
      const entry = boxes.get(mark.mcid) ?? { open: mark.open, boxes: [] };
      entry.boxes.push(group.box);
      boxes.set(mark.mcid, entry);
    }
  }
  for (const { open, boxes: list } of boxes.values()) {
    const operation = operations[open]!;
    edits.push({ start: operation.start, end: operation.end, text: PROPERTIES[artifactKind(union(list), page)] });
  }
  return { bytes: applyEdits(bytes, edits), wrapped };
}

function applyEdits(bytes: Uint8Array, edits: { start: number; end: number; text: string }[]): Uint8Array {
  // Insertions at the same offset keep their order: an EMC that closes a group comes before the BDC that opens the next.
  const sorted = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => a.start - b.start || a.order - b.order);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(bytes.subarray(at, edit.start), Buffer.from(edit.text, 'latin1'));
    at = Math.max(at, edit.end);
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts);
}
