/**
 * Sets a printed PDF's document properties and outline as an incremental update: the bytes
 * Chromium wrote stay as they are, and a few new objects (document information, outline,
 * the catalog with `/Outlines`, `/PageMode`, `/Lang`), a cross-reference section and a
 * trailer pointing back to the old one (`/Prev`) are appended, as PDF 1.7 §7.5.6 describes.
 *
 * Loading and saving the whole document with pdf-lib costs 0.15–0.3 s a deck (every object
 * parsed and written again); this reads only the trailer, the catalog and the page tree.
 * When the file is not laid out as expected (a cross-reference stream, encryption, an
 * object not where the table says), {@link updatePdf} returns undefined and the caller uses
 * pdf-lib's full load and save instead.
 */
import { PDFContext, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { addOutlineObjects, type OutlineItem } from './outline';
import { makeAccessible, type AccessibleResult } from './pdf-ua/accessible';
import { expect, PdfFile } from './pdf-ua/pdf-file';

export interface DocumentProperties {
  title: string;
  author: string | undefined;
  subject: string | undefined;
  keywords: string[];
  lang: string;
  creator: string;
  producer: string;
  date: Date;
}

export interface UpdatedPdf {
  bytes: Uint8Array;
  pages: number;
  /** What the PDF/UA pass changed (see `pdf-ua/accessible.ts`). */
  accessibility: AccessibleResult;
}

/**
 * Returns the updated file, or undefined when it cannot be updated this way.
 */
export function updatePdf(printed: Uint8Array, properties: DocumentProperties, outline: readonly OutlineItem[]): UpdatedPdf | undefined {
  try {
    return update(printed, properties, outline);
  } catch {
    // Unexpected layout (or a parse error in it): the caller falls back to a full rewrite.
    return undefined;
  }
}

/** The document information dictionary of `properties`. */
export function infoDict(context: PDFContext, properties: DocumentProperties): PDFDict {
  const info = context.obj({});
  info.set(PDFName.of('Title'), PDFHexString.fromText(properties.title));
  if (properties.author) info.set(PDFName.of('Author'), PDFHexString.fromText(properties.author));
  if (properties.subject) info.set(PDFName.of('Subject'), PDFHexString.fromText(properties.subject));
  if (properties.keywords.length > 0) info.set(PDFName.of('Keywords'), PDFHexString.fromText(properties.keywords.join(' ')));
  info.set(PDFName.of('Creator'), PDFHexString.fromText(properties.creator));
  info.set(PDFName.of('Producer'), PDFHexString.fromText(properties.producer));
  info.set(PDFName.of('CreationDate'), PDFString.fromDate(properties.date));
  info.set(PDFName.of('ModDate'), PDFString.fromDate(properties.date));
  return info;
}

function update(printed: Uint8Array, properties: DocumentProperties, outline: readonly OutlineItem[]): UpdatedPdf {
  const file = new PdfFile(printed);
  expect(file.xrefOffset > 0, 'a cross-reference table');
  const { context } = file;
  const pageRefs = file.pageRefs();
  const replaced = new Map<number, PDFObject>();
  const store = {
    context,
    pageRefs,
    lookup: (object: PDFObject | undefined) => (object instanceof PDFRef ? replaced.get(object.objectNumber) : undefined) ?? file.resolve(object),
    assign: (ref: PDFRef, object: PDFObject) => {
      replaced.set(ref.objectNumber, object);
      context.assign(ref, object);
    },
  };
  const catalog = file.catalog().clone(context);
  const accessibility = makeAccessible(store, catalog, properties);
  const rootRef = file.rootRef;
  const infoRef = context.register(infoDict(context, properties));
  const outlineRef = addOutlineObjects(context, pageRefs, outline);

  const newCatalog = catalog;
  if (outlineRef) {
    newCatalog.set(PDFName.of('Outlines'), outlineRef);
    newCatalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  } else {
    newCatalog.delete(PDFName.of('Outlines'));
  }
  newCatalog.set(PDFName.of('Lang'), /^[A-Za-z0-9-]+$/.test(properties.lang) ? PDFString.of(properties.lang) : PDFHexString.fromText(properties.lang));
  context.assign(rootRef, newCatalog);

  const objects = context
    .enumerateIndirectObjects()
    .map(([ref, object]) => ({ number: ref.objectNumber, generation: ref.generationNumber, object }))
    .sort((a, b) => a.number - b.number);
  const writer = new Writer();
  // One section as Chromium wrote it: a new file that copies each object it keeps byte for
  // byte and leaves out the ones replaced (no dead bytes). Else: an incremental update.
  const compact = file.singleSection;
  const entries: XrefEntry[] = [];
  if (compact) {
    const replacedNumbers = new Set(objects.map((entry) => entry.number));
    const extents = file.objectExtents();
    writer.append(printed.subarray(0, extents[0]?.start ?? file.xrefOffset));
    for (const extent of extents) {
      if (replacedNumbers.has(extent.number)) continue;
      entries.push({ number: extent.number, generation: 0, offset: writer.offset });
      writer.append(printed.subarray(extent.start, extent.end));
    }
  } else {
    writer.append(printed);
    if (printed[printed.length - 1] !== 0x0a) writer.ascii('\n');
  }
  for (const { number, generation, object } of objects) {
    entries.push({ number, generation, offset: writer.offset });
    writer.ascii(`${number} ${generation} obj\n`);
    // Streams hold binary data: every object is written as its bytes, not as text.
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    writer.append(bytes);
    writer.ascii('\nendobj\n');
  }
  const newXrefOffset = writer.offset;
  const xref = xrefSection(entries, compact);
  const newTrailer = context.obj({});
  newTrailer.set(PDFName.of('Size'), context.obj(context.largestObjectNumber + 1));
  newTrailer.set(PDFName.of('Root'), rootRef);
  newTrailer.set(PDFName.of('Info'), infoRef);
  if (!compact) newTrailer.set(PDFName.of('Prev'), context.obj(file.xrefOffset));
  const id = file.trailer.get(PDFName.of('ID'));
  if (id) newTrailer.set(PDFName.of('ID'), id);
  writer.ascii(`${xref}trailer\n${newTrailer.toString()}\nstartxref\n${newXrefOffset}\n%%EOF\n`);
  return { bytes: writer.bytes(), pages: pageRefs.length, accessibility };
}

interface XrefEntry {
  number: number;
  generation: number;
  offset: number;
}

class Writer {
  private readonly chunks: Uint8Array[] = [];
  offset = 0;

  append(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.offset += chunk.length;
  }

  ascii(text: string): void {
    this.append(Buffer.from(text, 'latin1'));
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

/**
 * A classic cross-reference section: subsections of consecutive numbers. A whole file's
 * (`complete`) starts at object 0, the head of the free list, and lists every number
 * below the largest, the ones not written as free.
 */
function xrefSection(entries: readonly XrefEntry[], complete: boolean): string {
  const rows = new Map(entries.map((entry) => [entry.number, entry]));
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const row = (entry: XrefEntry) => `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`;
  if (complete) {
    const size = (numbers[numbers.length - 1] ?? 0) + 1;
    const free = Array.from({ length: size }, (_, number) => number).filter((number) => number === 0 || !rows.has(number));
    // Each free entry points at the next free number; the last one back at 0.
    const nextFree = new Map(free.map((number, index) => [number, free[index + 1] ?? 0]));
    let text = `xref\n0 ${size}\n`;
    for (let number = 0; number < size; number++) {
      const entry = rows.get(number);
      if (entry) text += row(entry);
      else text += `${String(nextFree.get(number)).padStart(10, '0')} ${number === 0 ? '65535' : '00001'} f\r\n`;
    }
    return text;
  }
  let text = 'xref\n';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    text += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) text += row(rows.get(numbers[k]!)!);
    i = j + 1;
  }
  return text;
}
