/**
 * Reads a PDF as the tests check it: pages, tags, document properties, page size and text,
 * with pdf.js (the legacy build runs on Node 20), so the tests need no poppler.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdf.js's own data: the 14 standard fonts (a PDF may use them without embedding) and CMaps. */
const PDFJS_DATA = { standardFontDataUrl: join(PDFJS, 'standard_fonts') + sep, cMapUrl: join(PDFJS, 'cmaps') + sep, cMapPacked: true };

export interface PdfSummary {
  pages: number;
  /** The catalogue's MarkInfo says the content is tagged (poppler's "Tagged: yes"). */
  tagged: boolean;
  /** The document information dictionary: Title, Author, Subject, Keywords, Creator, Producer… */
  info: Record<string, string>;
  /** The first page's size in points. */
  pageSize: { width: number; height: number };
  /** The text of every page, in order; a line break where pdf.js ends a line. */
  text: string;
  /**
   * What pdf.js warned about while reading, e.g. `Indexing all PDF objects` when it had to
   * rebuild a broken cross-reference table. A well-formed file gives none.
   */
  warnings: string[];
}

/** A4 in points, within a point (Chromium prints 594.96 × 841.92). */
export function isA4(size: { width: number; height: number }): boolean {
  return Math.abs(size.width - 595.28) < 1 && Math.abs(size.height - 841.89) < 1;
}

function stringInfo(info: object): Record<string, string> {
  return Object.fromEntries(Object.entries(info).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Reads `file` whole. pdf.js reports warnings through console.warn: they are collected, not printed. */
export async function readPdf(file: string): Promise<PdfSummary> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...parts: unknown[]) => warnings.push(parts.map(String).join(' '));
  const loading = getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: VerbosityLevel.WARNINGS, isEvalSupported: false, ...PDFJS_DATA });
  try {
    const doc = await loading.promise;
    const { info } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    const pageTexts: string[] = [];
    let pageSize = { width: 0, height: 0 };
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      if (number === 1) pageSize = { width: page.view[2]! - page.view[0]!, height: page.view[3]! - page.view[1]! };
      const content = await page.getTextContent();
      pageTexts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return { pages: doc.numPages, tagged: markInfo?.Marked === true, info: stringInfo(info), pageSize, text: pageTexts.join('\n'), warnings };
  } finally {
    console.warn = warn;
    await loading.destroy();
  }
}

/** A structure element as pdf.js reads it: its role, alternative text and kids (content ids are left out). */
export interface StructElement {
  role: string;
  alt?: string;
  children: StructElement[];
}

export interface PdfTagging {
  /** XMP: `pdfuaid:part`, `dc:title`, `dc:language`. */
  xmp: { part: string | undefined; title: string | undefined; language: string | undefined };
  pages: {
    /** Text outside any marked content. */
    untagged: string[];
    /** Text inside `/Artifact` marked content. */
    artifacts: string[];
    /** Text inside marked content with an MCID. */
    tagged: string[];
    /** The page's structure tree (below the structure tree root). */
    structure: StructElement[];
  }[];
}

interface PdfjsStructNode {
  role?: string;
  alt?: string;
  children?: PdfjsStructNode[];
  type?: string;
}

function structElements(nodes: readonly PdfjsStructNode[] | undefined): StructElement[] {
  return (nodes ?? []).flatMap((node) => (node.role ? [{ role: node.role, ...(node.alt ? { alt: node.alt } : {}), children: structElements(node.children) }] : []));
}

/** Reads `file`'s marked content and structure, an independent reader of what isdeck's PDF/UA pass writes. */
export async function readTagging(file: string): Promise<PdfTagging> {
  const loading = getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, ...PDFJS_DATA });
  try {
    const doc = await loading.promise;
    const { metadata } = await doc.getMetadata();
    const single = (value: unknown): string | undefined => (Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : undefined);
    const pages: PdfTagging['pages'] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const stack: { tag: string; id: string | null }[] = [];
      const result: PdfTagging['pages'][number] = { untagged: [], artifacts: [], tagged: [], structure: [] };
      for (const item of content.items) {
        if ('type' in item) {
          // pdf.js gives marked content its tag too, though its type declaration leaves it out.
          const mark = item as { type: string; id?: string | null; tag?: string };
          if (mark.type === 'beginMarkedContent' || mark.type === 'beginMarkedContentProps') stack.push({ tag: mark.tag ?? '', id: mark.id ?? null });
          else if (item.type === 'endMarkedContent') stack.pop();
          continue;
        }
        if (!item.str.trim()) continue;
        if (stack.some((mark) => mark.tag === 'Artifact')) result.artifacts.push(item.str);
        else if (stack.some((mark) => mark.id)) result.tagged.push(item.str);
        else result.untagged.push(item.str);
      }
      const tree = (await page.getStructTree()) as PdfjsStructNode | null;
      result.structure = structElements(tree?.children);
      pages.push(result);
    }
    return {
      xmp: { part: single(metadata?.get('pdfuaid:part')), title: single(metadata?.get('dc:title')), language: single(metadata?.get('dc:language')) },
      pages,
    };
  } finally {
    await loading.destroy();
  }
}
