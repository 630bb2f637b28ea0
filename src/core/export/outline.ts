/**
 * The PDF outline (bookmarks) of a deck: its parts, then the slide titles in each part.
 *
 * Chromium's own outline (`page.pdf({outline: true})`) is built from the HTML headings: each
 * cover's `#` deck title becomes a top-level entry (the same title once a part), `###`
 * subtitles nest under slide titles, and words either side of a line wrap are joined
 * ("Service Users" → "ServiceUsers"). So the PDF is printed without it and this module
 * writes the outline from the deck model with pdf-lib.
 */
import { type PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';
import type { Deck, Slide } from '../deck/types';

export interface OutlineItem {
  title: string;
  /** 0-based page the entry opens. */
  pageIndex: number;
  children: OutlineItem[];
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What a slide is called in the outline. */
export function slideLabel(slide: Slide, deckTitle: string): string {
  if (slide.cover) {
    const part = slide.cover.partTitle?.text;
    if (part) return clean(part);
    if (slide.cover.agenda.length > 0 && slide.index > 0) return 'Agenda';
    return clean(slide.cover.deckTitle?.text ?? deckTitle);
  }
  const heading = slide.title ?? slide.subtitle ?? slide.headings[0];
  return heading && clean(heading.text) ? clean(heading.text) : `Slide ${slide.index + 1}`;
}

/**
 * Parts, then slides: a deck of one part without a title gives a flat list of slides; else each
 * part is an entry at its first page (its title, or the deck title for the opening part) with
 * its slides beneath, less the part's own opening cover. Pages past `pageCount` are left out.
 */
export function deckOutline(deck: Deck, deckTitle: string, pageCount = deck.slides.length): OutlineItem[] {
  const slideItem = (index: number): OutlineItem | undefined => {
    const slide = deck.slides[index];
    return slide && index < pageCount ? { title: slideLabel(slide, deckTitle), pageIndex: index, children: [] } : undefined;
  };
  const only = deck.parts[0];
  if (deck.parts.length === 1 && only && only.title === undefined) {
    return only.slideIndices.map(slideItem).filter((item): item is OutlineItem => item !== undefined);
  }
  const items: OutlineItem[] = [];
  for (const part of deck.parts) {
    const first = part.slideIndices[0];
    if (first === undefined || first >= pageCount) continue;
    const opener = deck.slides[first];
    const childIndices = opener?.cover ? part.slideIndices.slice(1) : part.slideIndices;
    items.push({
      title: clean(part.title ?? opener?.cover?.deckTitle?.text ?? deckTitle),
      pageIndex: first,
      children: childIndices.map(slideItem).filter((item): item is OutlineItem => item !== undefined),
    });
  }
  return items;
}

/**
 * Adds the outline dictionaries for `items` to `context` (parts open, so slide titles show)
 * and returns the ref of the outline root, or undefined when there is nothing to list.
 * `pageRefs` are the page objects in page order.
 */
export function addOutlineObjects(context: PDFContext, pageRefs: readonly PDFRef[], items: readonly OutlineItem[]): PDFRef | undefined {
  if (items.length === 0 || pageRefs.length === 0) return undefined;
  const rootRef = context.nextRef();

  /** Writes siblings under `parentRef`; returns their refs and how many entries are visible. */
  const writeLevel = (level: readonly OutlineItem[], parentRef: PDFRef): { refs: PDFRef[]; visible: number } => {
    const refs = level.map(() => context.nextRef());
    let visible = level.length;
    level.forEach((item, i) => {
      const page = pageRefs[Math.min(Math.max(item.pageIndex, 0), pageRefs.length - 1)]!;
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parentRef);
      dict.set(PDFName.of('Dest'), context.obj([page, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      const prev = refs[i - 1];
      const next = refs[i + 1];
      if (prev) dict.set(PDFName.of('Prev'), prev);
      if (next) dict.set(PDFName.of('Next'), next);
      const ref = refs[i]!;
      if (item.children.length > 0) {
        const sub = writeLevel(item.children, ref);
        dict.set(PDFName.of('First'), sub.refs[0]!);
        dict.set(PDFName.of('Last'), sub.refs.at(-1)!);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.visible));
        visible += sub.visible;
      }
      context.assign(ref, dict);
    });
    return { refs, visible };
  };

  const top = writeLevel(items, rootRef);
  const root = context.obj({});
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.refs[0]!);
  root.set(PDFName.of('Last'), top.refs.at(-1)!);
  root.set(PDFName.of('Count'), PDFNumber.of(top.visible));
  context.assign(rootRef, root);
  return rootRef;
}

/** Replaces a loaded document's outline with `items` and asks readers to show it on opening. */
export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  const rootRef = addOutlineObjects(
    doc.context,
    doc.getPages().map((page) => page.ref),
    items,
  );
  if (!rootRef) {
    doc.catalog.delete(PDFName.of('Outlines'));
    return;
  }
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Reads an outline back (for tests and checks): titles with depth and 0-based page. */
export function readOutline(doc: PDFDocument): { title: string; depth: number; pageIndex: number }[] {
  const pageIndexByRef = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index]));
  const out: { title: string; depth: number; pageIndex: number }[] = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: PDFDict | undefined, depth: number): void => {
    for (let item = first, guard = 0; item && guard < 100_000; item = item.lookupMaybe(PDFName.of('Next'), PDFDict), guard++) {
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookup(PDFName.of('Dest'));
      const pageRef = dest && 'get' in dest && typeof dest.get === 'function' ? (dest as unknown as { get(i: number): unknown }).get(0) : undefined;
      out.push({
        title: title instanceof PDFHexString || (title && 'decodeText' in title) ? (title as PDFHexString).decodeText() : String(title),
        depth,
        pageIndex: pageRef ? (pageIndexByRef.get(String(pageRef)) ?? -1) : -1,
      });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return out;
}
