/**
 * Checks the machine-checkable PDF/UA-1 conditions isdeck's export is built to meet
 * (ISO 14289-1, with the Matterhorn Protocol's failure conditions named in each check) over
 * a finished PDF: its catalogue, structure tree, content streams and fonts. Read lazily
 * (`PdfFile`), or through pdf-lib's full load for a file laid out otherwise. What it does not
 * check (what veraPDF and PAC check besides) is listed in docs/export-pdf.md.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { pageContent, PDF2_ROLES, STANDARD_TYPES } from './accessible';
import { parseContentStream } from './content-stream';
import { isTagged, type PaintGroup, paintGroups } from './marked-content';
import { PdfFile, streamBytes, UnexpectedLayout } from './pdf-file';
import { allNodes, type Lookup, mcidOwners, nameOf, readStructTree, type StructNode, type StructTree } from './structure';
import { readXmp } from './xmp';

export interface PdfUaCheck {
  id: string;
  /** What the check asks, in a few words. */
  title: string;
  /** Where it fails; empty when it passes. At most {@link MAX_FAILURES} a check. */
  failures: string[];
}

export interface PdfUaReport {
  checks: PdfUaCheck[];
  passed: number;
  failed: number;
}

const MAX_FAILURES = 10;
const name = (value: string): PDFName => PDFName.of(value);

interface Source {
  catalog: PDFDict;
  lookup: Lookup;
  pageRefs: PDFRef[];
  tree: StructTree | undefined;
}

interface Document extends Source {
  pages: PageContent[];
  /** Type → the standard type it plays (memo of {@link roleOf}). */
  roles: Map<string, string>;
}

interface PageContent {
  page: number;
  ref: PDFRef;
  dict: PDFDict;
  groups: PaintGroup[];
  /** The MCIDs its content marks. */
  mcids: Set<number>;
}

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

type CheckFunction = (doc: Document, fail: (message: string) => void) => void;

/** Page content as the checks read it: painting groups and the MCIDs seen. */
function readPages(doc: Source): PageContent[] {
  return doc.pageRefs.flatMap((ref, index) => {
    const dict = doc.lookup(ref);
    if (!(dict instanceof PDFDict)) return [];
    const bytes = pageContent(dict, doc.lookup) ?? new Uint8Array();
    const groups = paintGroups(bytes, parseContentStream(bytes));
    const mcids = new Set(groups.flatMap((group) => group.marks.flatMap((mark) => (mark.mcid === undefined ? [] : [mark.mcid]))));
    return [{ page: index + 1, ref, groups, mcids, dict }];
  });
}

const nodesOf = (doc: Document, types: (type: string) => boolean): StructNode[] => (doc.tree ? allNodes(doc.tree).filter((node) => types(node.type)) : []);

/** The standard type a type plays, following the role map (or the type itself). */
function roleOf(doc: Document, type: string): string {
  const known = doc.roles.get(type);
  if (known) return known;
  const map = doc.lookup(doc.tree?.root.get(name('RoleMap')));
  let role = type;
  for (let hops = 0; hops < 10 && !STANDARD_TYPES.has(role); hops++) {
    const next = nameOf(map instanceof PDFDict ? map.get(name(role)) : undefined);
    if (!next) break;
    role = next;
  }
  doc.roles.set(type, role);
  return role;
}

const CHECKS: { id: string; title: string; run: CheckFunction }[] = [
  {
    id: 'tagged-content',
    title: 'all content is tagged or an artifact (Matterhorn 01-001, 01-002)',
    run: (doc, fail) => {
      for (const { page, groups } of doc.pages) {
        const outside = groups.filter((group) => !isTagged(group.marks));
        const textOperators = outside.reduce((sum, group) => sum + group.textOperators, 0);
        if (outside.length > 0) fail(`page ${page}: ${textOperators} text-showing operators and ${outside.length - outside.filter((g) => g.kind === 'text').length} other painting operations outside marked content`);
        const both = groups.filter((group) => group.marks.some((mark) => mark.tag === 'Artifact') && group.marks.some((mark) => mark.mcid !== undefined));
        if (both.length > 0) fail(`page ${page}: ${both.length} painting operations both tagged and inside an artifact (Matterhorn 01-003, 01-004)`);
      }
    },
  },
  {
    id: 'structure-tree',
    title: 'every marked-content id is in the structure tree, and every id there is on its page',
    run: (doc, fail) => {
      if (!doc.tree) return fail('no structure tree (Matterhorn 01-006)');
      const owners = mcidOwners(doc.tree);
      const parentTree = parentTreeEntries(doc);
      for (const { page, ref, mcids, dict } of doc.pages) {
        const pageOwners = owners.get(ref.objectNumber) ?? new Map<number, StructNode>();
        const key = doc.lookup(dict.get(name('StructParents')));
        const entries = key instanceof PDFNumber ? doc.lookup(parentTree.get(key.asNumber())) : undefined;
        const missing = [...mcids].filter((mcid) => !pageOwners.has(mcid));
        const unlisted = [...mcids].filter((mcid) => {
          const entry = entries instanceof PDFArray ? entries.get(mcid) : undefined;
          return !(entry instanceof PDFRef) || entry !== pageOwners.get(mcid)?.ref;
        });
        const absent = [...pageOwners.keys()].filter((mcid) => !mcids.has(mcid));
        if (missing.length > 0) fail(`page ${page}: marked-content ids ${missing.slice(0, 5).join(', ')} belong to no structure element`);
        else if (unlisted.length > 0) fail(`page ${page}: marked-content ids ${unlisted.slice(0, 5).join(', ')} are not in the parent tree`);
        if (absent.length > 0) fail(`page ${page}: structure elements name marked-content ids ${absent.slice(0, 5).join(', ')} the page does not have`);
      }
    },
  },
  {
    id: 'pdfua-identification',
    title: 'XMP metadata says PDF/UA-1 and holds the title (Matterhorn 06-002, 06-003)',
    run: (doc, fail) => {
      const stream = doc.lookup(doc.catalog.get(name('Metadata')));
      const bytes = stream instanceof PDFRawStream ? streamBytes(stream) : undefined;
      if (!bytes) return fail('no XMP metadata stream in the catalogue');
      const xmp = readXmp(Buffer.from(bytes).toString('utf8'));
      if (xmp.part !== '1') fail(`pdfuaid:part is ${xmp.part ?? 'missing'}, not 1`);
      if (!xmp.title) fail('no dc:title');
    },
  },
  {
    id: 'display-doc-title',
    title: 'the window shows the document title (Matterhorn 07-001, 07-002)',
    run: (doc, fail) => {
      const preferences = doc.lookup(doc.catalog.get(name('ViewerPreferences')));
      const display = preferences instanceof PDFDict ? doc.lookup(preferences.get(name('DisplayDocTitle'))) : undefined;
      if (display?.toString() !== 'true') fail('ViewerPreferences /DisplayDocTitle is not true');
    },
  },
  {
    id: 'language',
    title: 'the document language is set (Matterhorn 11-006)',
    run: (doc, fail) => {
      const lang = text(doc.lookup(doc.catalog.get(name('Lang'))));
      if (!lang || !/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang)) fail(`catalogue /Lang is ${lang === undefined ? 'missing' : `"${lang}"`}`);
    },
  },
  {
    id: 'mark-info',
    title: 'the document is marked as tagged (Matterhorn 01-005)',
    run: (doc, fail) => {
      const markInfo = doc.lookup(doc.catalog.get(name('MarkInfo')));
      const marked = markInfo instanceof PDFDict ? doc.lookup(markInfo.get(name('Marked'))) : undefined;
      if (marked?.toString() !== 'true') fail('MarkInfo /Marked is not true');
    },
  },
  {
    id: 'tab-order',
    title: 'every page orders tabs by structure (Matterhorn 28-002)',
    run: (doc, fail) => {
      for (const { page, dict } of doc.pages) if (dict.get(name('Tabs')) !== name('S')) fail(`page ${page}: /Tabs is not /S`);
    },
  },
  {
    id: 'figure-alt',
    title: 'every figure and formula has alternative text (Matterhorn 13-004, 17-002)',
    run: (doc, fail) => {
      for (const node of nodesOf(doc, (type) => type === 'Figure' || type === 'Formula')) {
        const alt = text(doc.lookup(node.dict.get(name('Alt')))) ?? text(doc.lookup(node.dict.get(name('ActualText'))));
        if (!alt?.trim()) fail(`a ${node.type} without /Alt${pageNote(doc, node)}`);
      }
    },
  },
  {
    id: 'table-headers',
    title: 'every table has header cells, each with a scope (Matterhorn 15-003)',
    run: (doc, fail) => {
      for (const table of nodesOf(doc, (type) => type === 'Table')) {
        const cells = descendants(table).filter((node) => node.type === 'TH');
        if (cells.length === 0) fail(`a table without TH${pageNote(doc, table)}`);
        const unscoped = cells.filter((cell) => !attributeDicts(doc, cell).some((dict) => dict.has(name('Scope'))));
        if (unscoped.length > 0) fail(`${unscoped.length} TH without /Scope${pageNote(doc, table)}`);
      }
    },
  },
  {
    id: 'heading-levels',
    title: 'headings start at H1 and skip no level (Matterhorn 14-002, 14-003)',
    run: (doc, fail) => {
      let previous = 0;
      for (const node of nodesOf(doc, (type) => /^H[1-6]$/.test(roleOf(doc, type)))) {
        const level = Number(roleOf(doc, node.type).slice(1));
        if (level > previous + 1) fail(`H${level} follows ${previous === 0 ? 'no heading' : `H${previous}`}${pageNote(doc, node)}`);
        previous = level;
      }
    },
  },
  {
    id: 'role-map',
    title: 'every structure type is standard or role-mapped to one (Matterhorn 02-001)',
    run: (doc, fail) => {
      const types = new Set(nodesOf(doc, () => true).map((node) => node.type));
      for (const type of types) if (!STANDARD_TYPES.has(roleOf(doc, type))) fail(`/${type} is not a PDF 1.7 type and not role-mapped to one${PDF2_ROLES.has(type) ? ` (PDF 2.0: ${PDF2_ROLES.get(type)})` : ''}`);
    },
  },
  {
    id: 'list-structure',
    title: 'lists are L of LI of Lbl and LBody (Matterhorn 16-001, 16-002)',
    run: (doc, fail) => {
      for (const list of nodesOf(doc, (type) => roleOf(doc, type) === 'L')) {
        const odd = list.kids.filter((kid) => kid.kind !== 'node' || !['LI', 'L', 'Caption'].includes(roleOf(doc, kid.node.type)));
        if (odd.length > 0) fail(`an L holds ${odd.length} kids that are not LI${pageNote(doc, list)}`);
      }
      for (const item of nodesOf(doc, (type) => roleOf(doc, type) === 'LI')) {
        const odd = item.kids.filter((kid) => kid.kind !== 'node' || !['Lbl', 'LBody'].includes(roleOf(doc, kid.node.type)));
        if (odd.length > 0) fail(`an LI holds ${odd.length} kids that are not Lbl or LBody${pageNote(doc, item)}`);
      }
    },
  },
  {
    id: 'annotations',
    title: 'links are tagged Link and say where they go (Matterhorn 28-004, 28-011)',
    run: (doc, fail) => {
      const tagged = new Set<number>();
      for (const node of nodesOf(doc, () => true)) {
        for (const kid of node.kids) if (kid.kind === 'objr' && kid.annotation && roleOf(doc, node.type) === 'Link') tagged.add(kid.annotation.objectNumber);
      }
      for (const { page, dict } of doc.pages) {
        const annotations = doc.lookup(dict.get(name('Annots')));
        for (const ref of annotations instanceof PDFArray ? annotations.asArray() : []) {
          const annotation = doc.lookup(ref);
          if (!(annotation instanceof PDFDict) || annotation.get(name('Subtype')) !== name('Link')) continue;
          if (!(ref instanceof PDFRef) || !tagged.has(ref.objectNumber)) fail(`page ${page}: a link annotation outside a Link element`);
          if (!text(doc.lookup(annotation.get(name('Contents'))))?.trim()) fail(`page ${page}: a link annotation without /Contents`);
        }
      }
    },
  },
  {
    id: 'fonts-embedded',
    title: 'every font is embedded (Matterhorn 31-001…31-009)',
    run: (doc, fail) => {
      for (const [label, font] of fonts(doc)) if (!isEmbedded(doc, font)) fail(`font ${label} is not embedded`);
    },
  },
  {
    id: 'to-unicode',
    title: 'every font maps its glyphs to Unicode (Matterhorn 31-027)',
    run: (doc, fail) => {
      for (const [label, font] of fonts(doc)) {
        const subtype = font.get(name('Subtype'));
        if (subtype === name('Type3')) continue;
        if (!font.has(name('ToUnicode'))) fail(`font ${label} has no /ToUnicode`);
      }
    },
  },
];

function pageNote(doc: Document, node: StructNode): string {
  const page = node.page ?? [node, ...descendants(node)].find((n) => n.page)?.page;
  const index = page ? doc.pageRefs.findIndex((ref) => ref === page || ref.objectNumber === page.objectNumber) : -1;
  return index >= 0 ? ` on page ${index + 1}` : '';
}

function descendants(node: StructNode): StructNode[] {
  return node.kids.flatMap((kid) => (kid.kind === 'node' ? [kid.node, ...descendants(kid.node)] : []));
}

function attributeDicts(doc: Document, node: StructNode): PDFDict[] {
  const value = doc.lookup(node.dict.get(name('A')));
  const list = value instanceof PDFArray ? value.asArray() : value ? [value] : [];
  return list.map((entry) => doc.lookup(entry)).filter((entry): entry is PDFDict => entry instanceof PDFDict);
}

/** The parent tree's number tree, flattened: key → value. */
function parentTreeEntries(doc: Document): Map<number, PDFObject> {
  const entries = new Map<number, PDFObject>();
  const visit = (node: PDFObject | undefined, depth: number): void => {
    const dict = doc.lookup(node);
    if (!(dict instanceof PDFDict) || depth > 32) return;
    const nums = doc.lookup(dict.get(name('Nums')));
    if (nums instanceof PDFArray) {
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const key = doc.lookup(nums.get(i));
        if (key instanceof PDFNumber) entries.set(key.asNumber(), nums.get(i + 1));
      }
    }
    const kids = doc.lookup(dict.get(name('Kids')));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) visit(kid, depth + 1);
  };
  visit(doc.tree?.root.get(name('ParentTree')), 0);
  return entries;
}

/** Every font in the pages' resources (inherited too) and in the resources of their forms, patterns and Type 3 fonts. */
function fonts(doc: Document): Map<string, PDFDict> {
  const found = new Map<string, PDFDict>();
  const seen = new Set<PDFObject>();
  const visitResources = (resources: PDFObject | undefined, depth: number): void => {
    const dict = doc.lookup(resources);
    if (!(dict instanceof PDFDict) || seen.has(dict) || depth > 16) return;
    seen.add(dict);
    const fontDict = doc.lookup(dict.get(name('Font')));
    if (fontDict instanceof PDFDict) {
      for (const [key, value] of fontDict.entries()) {
        const font = doc.lookup(value);
        if (!(font instanceof PDFDict)) continue;
        const base = font.get(name('BaseFont'));
        found.set(`${base instanceof PDFName ? base.decodeText() : key.decodeText()}`, font);
        visitResources(font.get(name('Resources')), depth + 1);
      }
    }
    for (const kind of ['XObject', 'Pattern']) {
      const group = doc.lookup(dict.get(name(kind)));
      if (!(group instanceof PDFDict)) continue;
      for (const [, value] of group.entries()) {
        const object = doc.lookup(value);
        if (object instanceof PDFRawStream) visitResources(object.dict.get(name('Resources')), depth + 1);
      }
    }
  };
  for (const { dict } of doc.pages) {
    let resources: PDFObject | undefined;
    for (let node: PDFDict | undefined = dict, hops = 0; node && !resources && hops < 64; hops++) {
      resources = node.get(name('Resources'));
      const parent = doc.lookup(node.get(name('Parent')));
      node = parent instanceof PDFDict ? parent : undefined;
    }
    visitResources(resources, 0);
  }
  return found;
}

function isEmbedded(doc: Document, font: PDFDict): boolean {
  if (font.get(name('Subtype')) === name('Type3')) return true;
  const descendantsList = doc.lookup(font.get(name('DescendantFonts')));
  const target = descendantsList instanceof PDFArray ? doc.lookup(descendantsList.get(0)) : font;
  const descriptor = target instanceof PDFDict ? doc.lookup(target.get(name('FontDescriptor'))) : undefined;
  return descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(name(key)));
}

function runChecks(source: Source): PdfUaReport {
  const doc: Document = { ...source, pages: readPages(source), roles: new Map() };
  const checks = CHECKS.map(({ id, title, run }) => {
    const failures: string[] = [];
    run(doc, (message) => {
      if (failures.length < MAX_FAILURES) failures.push(message);
    });
    return { id, title, failures };
  });
  const failed = checks.filter((check) => check.failures.length > 0).length;
  return { checks, passed: checks.length - failed, failed };
}

/** Checks a PDF's bytes. */
export async function checkPdfUa(bytes: Uint8Array): Promise<PdfUaReport> {
  try {
    const file = new PdfFile(bytes);
    const catalog = file.catalog();
    const lookup: Lookup = (object) => file.resolve(object);
    return runChecks({ catalog, lookup, pageRefs: file.pageRefs(), tree: readStructTree(catalog, lookup, file.context) });
  } catch (error) {
    if (!(error instanceof UnexpectedLayout)) throw error;
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const lookup: Lookup = (object) => (object === undefined ? undefined : pdf.context.lookup(object));
    return runChecks({ catalog: pdf.catalog, lookup, pageRefs: pdf.getPages().map((page) => page.ref), tree: readStructTree(pdf.catalog, lookup, pdf.context) });
  }
}

/** One line: `PDF/UA checks: 15 passed`, or what failed (with `details`, the first place each check fails). */
export function formatPdfUaReport(report: PdfUaReport, options: { details?: boolean } = {}): string {
  if (report.failed === 0) return `PDF/UA checks: ${report.passed} passed`;
  if (options.details === false) return `PDF/UA checks: ${report.passed} passed, ${report.failed} failed`;
  const failures = report.checks.filter((check) => check.failures.length > 0).map((check) => `${check.id} (${check.failures[0]}${check.failures.length > 1 ? `, +${check.failures.length - 1} more` : ''})`);
  return `PDF/UA checks: ${report.passed} passed, ${report.failed} failed: ${failures.join('; ')}`;
}

