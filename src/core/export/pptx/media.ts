import type JSZip from 'jszip';
import type PptxGenJS from 'pptxgenjs';

/**
 * One media part a picture, however many slides use it, and no base64 round trip.
 *
 * pptxgenjs 4.0.1 writes a media part for every `addImage` (it shares one only for the same
 * file path on the same slide), and hands each part to JSZip as base64, which JSZip decodes
 * in JavaScript: a 27 MB photo on 40 slides made a 1 GB package and took a minute. So before
 * the package is written, the pictures' bytes are taken out of the media relations: every
 * relation whose bytes equal an earlier one's points at that one's part (each slide keeps
 * its own relation to it, as PowerPoint itself does), pptxgenjs writes the part empty, and
 * {@link putMediaBack} puts the bytes, decoded once, in the package afterwards.
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

/** A package part's name from a relation's target (`../media/x.png` → `ppt/media/x.png`, as pptxgenjs writes it). */
function partName(target: string): string {
  return target.replace('..', 'ppt');
}

/**
 * Takes the pictures' bytes out of `pptx` (before `pptx.stream()`): equal bytes share one
 * part. Returns each part's bytes, for {@link putMediaBack}.
 */
export function takeMediaOut(pptx: PptxGenJS): Map<string, Buffer> {
  // Keyed by the data string itself (per extension, as the part's name carries it): uses of
  // one picture share one string (see ImageLoader), so a key costs no copy, and equal bytes
  // read from two paths still compare equal.
  const targetOf = new Map<string, Map<string, string>>();
  const media = new Map<string, Buffer>();
  for (const holder of mediaHolders(pptx)) {
    for (const relation of holder._relsMedia ?? []) {
      const data = relation.data;
      if (relation.isSvgPng || !data || relation.type === 'online' || relation.type === 'hyperlink') continue;
      const extension = relation.extn ?? '';
      let targets = targetOf.get(extension);
      if (!targets) targetOf.set(extension, (targets = new Map()));
      const first = targets.get(data);
      if (first === undefined) {
        targets.set(data, relation.Target);
        media.set(partName(relation.Target), Buffer.from(data.slice(data.indexOf(',') + 1), 'base64'));
      } else relation.Target = first;
      // Written empty by pptxgenjs; the bytes go in after.
      relation.data = `${data.slice(0, data.indexOf(',') + 1)}`;
    }
  }
  return media;
}

/**
 * Puts the parts {@link takeMediaOut} took into the written package, stored as they are:
 * PNG, JPEG and GIF are compressed already, and deflating them again costs seconds for
 * a large photo and saves nothing.
 */
export function putMediaBack(zip: JSZip, media: ReadonlyMap<string, Buffer>): void {
  for (const [name, bytes] of media) zip.file(name, bytes, { compression: 'STORE' });
}
