/**
 * The checks of PowerPoint's Accessibility Checker that can be read from a package's XML,
 * mirrored for the tests (docs/export-pptx.md, "Accessibility", lists which are mirrored and
 * which are not):
 *
 * - errors: a slide without a title (no title or centred-title placeholder with text); a
 *   picture, chart, graphic frame, group or shape without text that has neither alt text
 *   (`descr`) nor the decorative mark; a table without a header row (`firstRow`);
 * - warnings: slides with the same title; a table row with every cell empty; a table with
 *   merged cells;
 * - the document: a title in docProps/core.xml and a language (`dc:language`).
 */
import type JSZip from 'jszip';

export interface AccessibilityFinding {
  /** 1-based; 0 for the document. */
  slide: number;
  severity: 'error' | 'warning';
  check: 'missing-slide-title' | 'missing-alt-text' | 'missing-table-header' | 'duplicate-slide-title' | 'blank-table-row' | 'merged-cells' | 'missing-document-title' | 'missing-language';
  message: string;
}

/** XML character data to text. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of an XML fragment: its runs, paragraphs joined with a space. */
export function fragmentText(xml: string): string {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) => [...(p[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescapeXml(t[1] ?? '')).join(''))
    .filter((text) => text.trim() !== '')
    .join(' ');
}

/** A slide's drawn objects in shape-tree order (PowerPoint's reading order), groups and alternate content flattened. */
export interface SlideObject {
  kind: 'sp' | 'pic' | 'graphicFrame' | 'grpSp';
  name: string;
  descr: string;
  decorative: boolean;
  /** The placeholder type, when it is one. */
  placeholder: string | undefined;
  text: string;
  xml: string;
}

export function slideObjects(slideXml: string): SlideObject[] {
  // An equation's shape stands twice (choice and fallback): the fallback is left out.
  const xml = slideXml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '');
  return [...xml.matchAll(/<p:(sp|pic|graphicFrame)>[\s\S]*?<\/p:\1>/g)].map((match) => {
    const part = match[0];
    const cNvPr = /<p:cNvPr\b[^>]*>/.exec(part)?.[0] ?? '';
    const ph = /<p:ph\b[^>]*>/.exec(part)?.[0];
    return {
      kind: match[1] as SlideObject['kind'],
      name: unescapeXml(/ name="([^"]*)"/.exec(cNvPr)?.[1] ?? ''),
      descr: unescapeXml(/ descr="([^"]*)"/.exec(cNvPr)?.[1] ?? ''),
      decorative: /<adec:decorative [^>]*val="1"/.test(part),
      placeholder: ph ? (/ type="([^"]+)"/.exec(ph)?.[1] ?? 'obj') : undefined,
      text: fragmentText(part),
      xml: part,
    };
  });
}

function isTitle(object: SlideObject): boolean {
  return object.placeholder === 'title' || object.placeholder === 'ctrTitle';
}

/** Runs the mirrored checks over a package. */
export async function checkAccessibility(zip: JSZip): Promise<AccessibilityFinding[]> {
  const findings: AccessibilityFinding[] = [];
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  if (!/<dc:title>[^<]*\S[^<]*<\/dc:title>/.test(core)) findings.push({ slide: 0, severity: 'error', check: 'missing-document-title', message: 'The document has no title.' });
  if (!/<dc:language>[^<]+<\/dc:language>/.test(core)) findings.push({ slide: 0, severity: 'error', check: 'missing-language', message: 'The document has no language.' });
  const slideNames = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const titles = new Map<string, number[]>();
  for (const [index, name] of slideNames.entries()) {
    const slide = index + 1;
    const objects = slideObjects(await zip.file(name)!.async('string'));
    const title = objects.find((object) => isTitle(object) && object.text.trim() !== '');
    if (!title) findings.push({ slide, severity: 'error', check: 'missing-slide-title', message: 'Missing slide title.' });
    else titles.set(title.text.trim().toLowerCase(), [...(titles.get(title.text.trim().toLowerCase()) ?? []), slide]);
    for (const object of objects) findings.push(...objectFindings(object, slide));
  }
  for (const [title, slides] of titles) {
    if (slides.length > 1) {
      for (const slide of slides) findings.push({ slide, severity: 'warning', check: 'duplicate-slide-title', message: `Duplicate slide title "${title}" (slides ${slides.join(', ')}).` });
    }
  }
  return findings;
}

function objectFindings(object: SlideObject, slide: number): AccessibilityFinding[] {
  const findings: AccessibilityFinding[] = [];
  const named = `"${object.name}"`;
  const needsAlt =
    !object.decorative &&
    object.descr.trim() === '' &&
    (object.kind === 'pic' || (object.kind === 'graphicFrame' && !object.xml.includes('<a:tbl>')) || (object.kind === 'sp' && object.placeholder === undefined && object.text.trim() === ''));
  if (needsAlt) findings.push({ slide, severity: 'error', check: 'missing-alt-text', message: `Missing alternative text: ${named}.` });
  const table = /<a:tbl>[\s\S]*<\/a:tbl>/.exec(object.xml)?.[0];
  if (table) {
    if (!/<a:tblPr\b[^>]* firstRow="1"/.test(table)) findings.push({ slide, severity: 'error', check: 'missing-table-header', message: `No header row: ${named}.` });
    if (/ (?:gridSpan|rowSpan)="\d+"| (?:hMerge|vMerge)="1"/.test(table)) findings.push({ slide, severity: 'warning', check: 'merged-cells', message: `Merged cells: ${named}.` });
    for (const [index, row] of [...table.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].entries()) {
      if (fragmentText(row[0]).trim() === '') findings.push({ slide, severity: 'warning', check: 'blank-table-row', message: `Blank table row ${index + 1}: ${named}.` });
    }
  }
  return findings;
}
