import type PptxGenJS from 'pptxgenjs';

/**
 * One media part a picture, however many slides use it. pptxgenjs 4.0.1 writes a media part
 * for every `addImage` (it shares one only for the same file path on the same slide), so a
 * 27 MB photo on 40 slides made a 1 GB package. Before the package is written, every media
 * relation whose bytes equal an earlier one's is pointed at that one's part: the package
 * then holds one copy, each slide keeps its own relation to it (as PowerPoint itself does).
 */

/** The fields of pptxgenjs's media relations (`_relsMedia`) read and changed here. */
interface MediaRelation {
  type: string;
  extn?: string;
  data?: string;
  Target: string;
  /** The PNG preview pptxgenjs makes for an SVG: written later, from the SVG. */
  isSvgPng?: boolean;
}

interface MediaHolder {
  _relsMedia?: MediaRelation[];
}

/** The slides, layouts and master of a presentation: public getters, missing from pptxgenjs's type declarations. */
function mediaHolders(pptx: PptxGenJS): MediaHolder[] {
  const parts = pptx as unknown as { slides?: MediaHolder[]; slideLayouts?: MediaHolder[]; masterSlide?: MediaHolder };
  return [...(parts.slideLayouts ?? []), ...(parts.slides ?? []), ...(parts.masterSlide ? [parts.masterSlide] : [])];
}

/** Points every media relation with the bytes of an earlier one at that one's part; returns how many were shared. */
export function shareDuplicateMedia(pptx: PptxGenJS): number {
  // Keyed by the data string itself (per extension, as the part's name carries it): uses of one
  // picture share one string (see ImageLoader), so a key costs no copy, and equal bytes read
  // from two paths still compare equal.
  const partOf = new Map<string, Map<string, string>>();
  let shared = 0;
  for (const holder of mediaHolders(pptx)) {
    for (const relation of holder._relsMedia ?? []) {
      if (relation.isSvgPng || !relation.data || relation.type === 'online' || relation.type === 'hyperlink') continue;
      const extension = relation.extn ?? '';
      let parts = partOf.get(extension);
      if (!parts) partOf.set(extension, (parts = new Map()));
      const first = parts.get(relation.data);
      if (first === undefined) parts.set(relation.data, relation.Target);
      else if (first !== relation.Target) {
        relation.Target = first;
        shared++;
      }
    }
  }
  return shared;
}
