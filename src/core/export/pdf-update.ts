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
import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFObjectParser, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { addOutlineObjects, type OutlineItem } from './outline';

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

const latin1 = new TextDecoder('latin1');

class Unexpected extends Error {}

function expect(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Unexpected(what);
}

/** The classic cross-reference table that starts at `offset`: object number → byte offset of the in-use entries. */
function readXrefTable(text: string, offset: number): { offsets: Map<number, number>; trailerAt: number } {
  expect(text.startsWith('xref', offset), 'a classic cross-reference table');
  const offsets = new Map<number, number>();
  const line = /[ \t]*(\d+)[ \t]+(\d+)[ \t]*\r?\n/y;
  const entry = /(\d{10})[ \t](\d{5})[ \t]([nf])[ \t]?\r?\n?/y;
  let at = offset + 4;
  while (text[at] === '\r' || text[at] === '\n') at++;
  for (;;) {
    line.lastIndex = at;
    const header = line.exec(text);
    if (!header) break;
    at = line.lastIndex;
    const first = Number(header[1]);
    const count = Number(header[2]);
    for (let i = 0; i < count; i++) {
      entry.lastIndex = at;
      const row = entry.exec(text);
      expect(row, 'a cross-reference entry');
      at = entry.lastIndex;
      if (row[3] === 'n') offsets.set(first + i, Number(row[1]));
    }
  }
  while (/\s/.test(text[at] ?? '')) at++;
  expect(text.startsWith('trailer', at), 'a trailer after the table');
  return { offsets, trailerAt: at + 'trailer'.length };
}

/**
 * Returns the updated file, or undefined when it cannot be updated this way.
 */
export function updatePdf(
  printed: Uint8Array,
  properties: DocumentProperties,
  outline: readonly OutlineItem[],
): { bytes: Uint8Array; pages: number } | undefined {
  try {
    return update(printed, properties, outline);
  } catch {
    // Unexpected layout (or a parse error in it): the caller falls back to a full rewrite.
    return undefined;
  }
}

function update(printed: Uint8Array, properties: DocumentProperties, outline: readonly OutlineItem[]): { bytes: Uint8Array; pages: number } {
  const text = latin1.decode(printed);
  const tail = text.slice(-1024);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  expect(start, 'startxref at the end');
  const xrefOffset = Number(start[1]);
  const { offsets, trailerAt } = readXrefTable(text, xrefOffset);

  const context = PDFContext.create();
  const parseAt = (at: number): PDFObject => PDFObjectParser.forBytes(printed.subarray(at), context).parseObject();
  const trailer = parseAt(trailerAt);
  expect(trailer instanceof PDFDict, 'a trailer dictionary');
  expect(!trailer.has(PDFName.of('Encrypt')), 'no encryption');
  const size = trailer.get(PDFName.of('Size'));
  const rootRef = trailer.get(PDFName.of('Root'));
  expect(rootRef instanceof PDFRef && size !== undefined, 'a /Root and a /Size');

  const header = /(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b\s*/y;
  const readObject = (ref: PDFRef): PDFObject => {
    const offset = offsets.get(ref.objectNumber);
    expect(offset !== undefined, `object ${ref.objectNumber} in the table`);
    header.lastIndex = offset;
    const match = header.exec(text);
    expect(match && Number(match[1]) === ref.objectNumber, `object ${ref.objectNumber} where the table says`);
    return parseAt(header.lastIndex);
  };

  const catalog = readObject(rootRef);
  expect(catalog instanceof PDFDict, 'a catalog dictionary');
  const pagesRef = catalog.get(PDFName.of('Pages'));
  expect(pagesRef instanceof PDFRef, 'a page tree');
  const pageRefs: PDFRef[] = [];
  const seen = new Set<number>();
  const walk = (ref: PDFRef, depth: number): void => {
    expect(depth < 64 && !seen.has(ref.objectNumber), 'a page tree without cycles');
    seen.add(ref.objectNumber);
    const node = readObject(ref);
    expect(node instanceof PDFDict, 'a page tree node');
    const kids = node.get(PDFName.of('Kids'));
    if (node.get(PDFName.of('Type')) === PDFName.of('Pages') || kids instanceof PDFArray) {
      expect(kids instanceof PDFArray, 'page tree kids');
      for (let i = 0; i < kids.size(); i++) {
        const kid = kids.get(i);
        expect(kid instanceof PDFRef, 'a page reference');
        walk(kid, depth + 1);
      }
    } else {
      pageRefs.push(ref);
    }
  };
  walk(pagesRef, 0);
  expect(pageRefs.length > 0, 'pages');

  // New objects are numbered from the old /Size on.
  context.largestObjectNumber = Number(size.toString()) - 1;
  const info = context.obj({}) as PDFDict;
  info.set(PDFName.of('Title'), PDFHexString.fromText(properties.title));
  if (properties.author) info.set(PDFName.of('Author'), PDFHexString.fromText(properties.author));
  if (properties.subject) info.set(PDFName.of('Subject'), PDFHexString.fromText(properties.subject));
  if (properties.keywords.length > 0) info.set(PDFName.of('Keywords'), PDFHexString.fromText(properties.keywords.join(' ')));
  info.set(PDFName.of('Creator'), PDFHexString.fromText(properties.creator));
  info.set(PDFName.of('Producer'), PDFHexString.fromText(properties.producer));
  info.set(PDFName.of('CreationDate'), PDFString.fromDate(properties.date));
  info.set(PDFName.of('ModDate'), PDFString.fromDate(properties.date));
  const infoRef = context.register(info);
  const outlineRef = addOutlineObjects(context, pageRefs, outline);

  const newCatalog = catalog.clone(context);
  if (outlineRef) {
    newCatalog.set(PDFName.of('Outlines'), outlineRef);
    newCatalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  } else {
    newCatalog.delete(PDFName.of('Outlines'));
  }
  newCatalog.set(PDFName.of('Lang'), /^[A-Za-z0-9-]+$/.test(properties.lang) ? PDFString.of(properties.lang) : PDFHexString.fromText(properties.lang));
  const preferences = context.obj({}) as PDFDict;
  preferences.set(PDFName.of('DisplayDocTitle'), context.obj(true));
  newCatalog.set(PDFName.of('ViewerPreferences'), preferences);
  context.assign(rootRef, newCatalog);

  // Append: the objects, a cross-reference section for them, a trailer with /Prev.
  const objects = context
    .enumerateIndirectObjects()
    .map(([ref, object]) => ({ number: ref.objectNumber, generation: ref.generationNumber, object }))
    .sort((a, b) => a.number - b.number);
  let body = printed[printed.length - 1] === 0x0a ? '' : '\n';
  const written: { number: number; generation: number; offset: number }[] = [];
  for (const { number, generation, object } of objects) {
    written.push({ number, generation, offset: printed.length + body.length });
    body += `${number} ${generation} obj\n${object.toString()}\nendobj\n`;
  }
  const newXrefOffset = printed.length + body.length;
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
  newTrailer.set(PDFName.of('Prev'), context.obj(xrefOffset));
  const id = trailer.get(PDFName.of('ID'));
  if (id) newTrailer.set(PDFName.of('ID'), id);
  const appendix = `${body}${xref}trailer\n${newTrailer.toString()}\nstartxref\n${newXrefOffset}\n%%EOF\n`;
  // Everything appended is ASCII: names, numbers, refs and hex strings.
  expect(/^[\x00-\x7f]*$/.test(appendix), 'ASCII objects');
  const out = new Uint8Array(printed.length + appendix.length);
  out.set(printed, 0);
  out.set(Buffer.from(appendix, 'latin1'), printed.length);
  return { bytes: out, pages: pageRefs.length };
}
