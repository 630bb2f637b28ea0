/**
 * SmartArt's text, from the diagram's data part (`dgm:dataModel`): its points in the
 * diagram's own hierarchy (each `parOf` connection makes a child, in `srcOrd` order), as
 * paragraphs with levels. The drawing itself is not imported.
 */
import type { Paragraph } from '../model';
import { attr, child, childrenNamed, descendants, type XmlElement } from '../xml';
import { plainText } from './text';

/** Deeper than any real diagram; also bounds the walk over a hostile one. */
const MAX_DEPTH = 8;

export function readSmartArtText(dataModel: XmlElement | undefined): Paragraph[] {
  if (!dataModel) return [];
  const pointsById = new Map<string, XmlElement>();
  for (const pt of descendants(child(dataModel, 'dgm:ptLst'), 'dgm:pt')) {
    const id = attr(pt, 'modelId');
    if (id) pointsById.set(id, pt);
  }
  const childrenOf = new Map<string, { order: number; id: string }[]>();
  for (const cxn of childrenNamed(child(dataModel, 'dgm:cxnLst'), 'dgm:cxn')) {
    const type = attr(cxn, 'type') ?? 'parOf';
    const source = attr(cxn, 'srcId');
    const destination = attr(cxn, 'destId');
    if (type !== 'parOf' || !source || !destination) continue;
    const list = childrenOf.get(source) ?? [];
    list.push({ order: Number(attr(cxn, 'srcOrd') ?? list.length), id: destination });
    childrenOf.set(source, list);
  }
  const root = [...pointsById.values()].find((pt) => attr(pt, 'type') === 'doc');
  const paragraphs: Paragraph[] = [];
  const seen = new Set<string>();
  const visit = (id: string, depth: number) => {
    if (seen.has(id) || depth > MAX_DEPTH) return;
    seen.add(id);
    const pt = pointsById.get(id);
    const type = attr(pt, 'type') ?? 'node';
    if (pt && type === 'node') {
      const text = plainText(child(pt, 'dgm:t')).replace(/\s*\n\s*/g, ' ').trim();
      if (text) paragraphs.push({ runs: [{ text, bold: false, italic: false }], level: Math.max(0, depth - 1), bullet: 'bullet', size: undefined });
    }
    const next = [...(childrenOf.get(id) ?? [])].sort((a, b) => a.order - b.order);
    for (const entry of next) visit(entry.id, type === 'node' || type === 'doc' ? depth + 1 : depth);
  };
  if (root) visit(attr(root, 'modelId') ?? '', 0);
  return paragraphs;
}
