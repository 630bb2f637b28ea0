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
  const info = context.obj({}) as PDFDict;
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

  // Append: the objects, a cross-reference section for them, a trailer with /Prev.
  const objects = context
    .enumerateIndirectObjects()
    .map(([ref, object]) => ({ number: ref.objectNumber, generation: ref.generationNumber, object }))
    .sort((a, b) => a.number - b.number);
  const chunks: Uint8Array[] = [printed];
  let offset = printed.length;
  const append = (chunk: Uint8Array): void => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const ascii = (text: string): void => append(Buffer.from(text, 'latin1'));
  if (printed[printed.length - 1] !== 0x0a) ascii('\n');
  const written: { number: number; generation: number; offset: number }[] = [];
  for (const { number, generation, object } of objects) {
    written.push({ number, generation, offset });
    ascii(`${number} ${generation} obj\n`);
    // Streams hold binary data: every object is written as its bytes, not as text.
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    append(bytes);
    ascii('\nendobj\n');
  }
  const newXrefOffset = offset;
  let xref = 'xref\n';
  for (let i = 0; i < written.length; ) {
    let j = i;
    while (j + 1 < written.length && written[j + 1]!.number === written[j]!.number + 1) j++;
    xref += `${written[i]!.number} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const row = written[k]!;
      xref += `${String(row.offset).padStart(10, '0')} ${String(row.generation).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  const newTrailer = context.obj({}) as PDFDict;
  newTrailer.set(PDFName.of('Size'), context.obj(context.largestObjectNumber + 1));
  newTrailer.set(PDFName.of('Root'), rootRef);
  newTrailer.set(PDFName.of('Info'), infoRef);
  newTrailer.set(PDFName.of('Prev'), context.obj(file.xrefOffset));
  const id = file.trailer.get(PDFName.of('ID'));
  if (id) newTrailer.set(PDFName.of('ID'), id);
  ascii(`${xref}trailer\n${newTrailer.toString()}\nstartxref\n${newXrefOffset}\n%%EOF\n`);
  return { bytes: Buffer.concat(chunks), pages: pageRefs.length, accessibility };
}
