/**
 * A lazy reader of a PDF laid out as Chromium writes it (and as isdeck's incremental updates
 * leave it): classic cross-reference tables, chained by `/Prev`, no object streams. Objects
 * are parsed on first use (pdf-lib's object parser), so reading the catalog, the page tree,
 * the structure tree and the content streams costs a few milliseconds, not the 0.15–0.3 s of
 * a full pdf-lib load that parses every font and picture too.
 *
 * Anything else (a cross-reference stream, encryption, an object not where the table says)
 * throws {@link UnexpectedLayout}; callers fall back to pdf-lib's full load.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

export class UnexpectedLayout extends Error {}

export function expect(condition: unknown, what: string): asserts condition {
  if (!condition) throw new UnexpectedLayout(what);
}

/** Reads the classic cross-reference table at `offset` into `offsets` (entries already there win: newer sections are read first). */
function readXrefTable(text: string, offset: number, offsets: Map<number, number>, freed: Set<number>): number {
  expect(text.startsWith('xref', offset), 'a classic cross-reference table');
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
      const number = first + i;
      if (offsets.has(number) || freed.has(number)) continue;
      if (row[3] === 'n') offsets.set(number, Number(row[1]));
      else freed.add(number);
    }
  }
  while (/\s/.test(text[at] ?? '')) at++;
  expect(text.startsWith('trailer', at), 'a trailer after the table');
  return at + 'trailer'.length;
}

export class PdfFile {
  readonly context = PDFContext.create();
  /** The newest trailer. */
  readonly trailer: PDFDict;
  /** Byte offset of the newest cross-reference section (an update's `/Prev`). */
  readonly xrefOffset: number;
  readonly rootRef: PDFRef;
  readonly size: number;
  private readonly text: string;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PDFObject>();
  private pages: PDFRef[] | undefined;
  /** The file has one cross-reference section (as Chromium writes it): no earlier versions of its objects. */
  readonly singleSection: boolean;

  constructor(readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text.slice(-1024));
    expect(start, 'startxref at the end');
    this.xrefOffset = Number(start[1]);
    const freed = new Set<number>();
    let trailer: PDFDict | undefined;
    const seen = new Set<number>();
    for (let offset: number | undefined = this.xrefOffset; offset !== undefined; ) {
      expect(!seen.has(offset) && seen.size < 1000, 'a /Prev chain without cycles');
      seen.add(offset);
      const section = this.parseAt(readXrefTable(this.text, offset, this.offsets, freed));
      expect(section instanceof PDFDict, 'a trailer dictionary');
      expect(!section.has(PDFName.of('Encrypt')) && !section.has(PDFName.of('XRefStm')), 'no encryption, no hybrid cross-reference');
      trailer ??= section;
      const prev = section.get(PDFName.of('Prev'));
      offset = prev instanceof PDFNumber ? prev.asNumber() : undefined;
    }
    expect(trailer, 'a trailer');
    this.trailer = trailer;
    this.singleSection = seen.size === 1;
    const rootRef = trailer.get(PDFName.of('Root'));
    const size = trailer.get(PDFName.of('Size'));
    expect(rootRef instanceof PDFRef && size instanceof PDFNumber, 'a /Root and a /Size');
    this.rootRef = rootRef;
    this.size = size.asNumber();
    // Objects made for an update are numbered from the old /Size on.
    this.context.largestObjectNumber = this.size - 1;
  }

  private parseAt(at: number): PDFObject {
    return PDFObjectParser.forBytes(this.bytes.subarray(at), this.context).parseObject();
  }

  /** The object `ref` points to, as first written in this file (parsed once). */
  read(ref: PDFRef): PDFObject | undefined {
    const cached = this.cache.get(ref.objectNumber);
    if (cached) return cached;
    const offset = this.offsets.get(ref.objectNumber);
    if (offset === undefined) return undefined;
    const header = /(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b\s*/y;
    header.lastIndex = offset;
    const match = header.exec(this.text);
    expect(match && Number(match[1]) === ref.objectNumber, `object ${ref.objectNumber} where the table says`);
    const object = this.parseAt(header.lastIndex);
    this.cache.set(ref.objectNumber, object);
    return object;
  }

  /**
   * Where each object's bytes are (`N G obj … endobj` and the white space after it), in file
   * order: from its offset to the next object's, the last to the cross-reference table. Only
   * for a file of one section, where every object has one version.
   */
  objectExtents(): { number: number; start: number; end: number }[] {
    expect(this.singleSection, 'one cross-reference section');
    const extents = [...this.offsets].map(([number, start]) => ({ number, start, end: 0 })).sort((a, b) => a.start - b.start);
    extents.forEach((extent, i) => {
      extent.end = extents[i + 1]?.start ?? this.xrefOffset;
    });
    expect(extents.every((extent) => extent.end > extent.start && extent.end <= this.xrefOffset), 'objects before the table');
    return extents;
  }

  /** `object`, or what it points to. */
  resolve(object: PDFObject | undefined): PDFObject | undefined {
    return object instanceof PDFRef ? this.read(object) : object;
  }

  dict(object: PDFObject | undefined): PDFDict | undefined {
    const value = this.resolve(object);
    return value instanceof PDFDict ? value : undefined;
  }

  array(object: PDFObject | undefined): PDFArray | undefined {
    const value = this.resolve(object);
    return value instanceof PDFArray ? value : undefined;
  }

  catalog(): PDFDict {
    const catalog = this.read(this.rootRef);
    expect(catalog instanceof PDFDict, 'a catalog dictionary');
    return catalog;
  }

  /** The pages in order. */
  pageRefs(): PDFRef[] {
    if (this.pages) return this.pages;
    const pages: PDFRef[] = [];
    const seen = new Set<number>();
    const walk = (ref: PDFObject | undefined, depth: number): void => {
      expect(ref instanceof PDFRef && depth < 64 && !seen.has(ref.objectNumber), 'a page tree without cycles');
      seen.add(ref.objectNumber);
      const node = this.dict(ref);
      expect(node, 'a page tree node');
      const kids = node.get(PDFName.of('Kids'));
      if (node.get(PDFName.of('Type')) === PDFName.of('Pages') || kids) {
        const list = this.array(kids);
        expect(list, 'page tree kids');
        for (let i = 0; i < list.size(); i++) walk(list.get(i), depth + 1);
      } else {
        pages.push(ref);
      }
    };
    walk(this.catalog().get(PDFName.of('Pages')), 0);
    expect(pages.length > 0, 'pages');
    this.pages = pages;
    return pages;
  }
}

/** The decoded bytes of a stream: unfiltered or FlateDecode (all Chromium writes); undefined for other filters. */
export function streamBytes(stream: PDFRawStream): Uint8Array | undefined {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  if (filters.length === 0) return stream.contents;
  if (filters.length === 1 && filters[0] === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) {
    return inflateSync(stream.contents);
  }
  return undefined;
}
