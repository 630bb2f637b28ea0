/**
 * Makes Chromium's tagged PDF a PDF/UA-1 document (ISO 14289-1), through an object store
 * that is either the incremental update of `pdf-update.ts` or pdf-lib's whole document:
 *
 * 1. Content streams: untagged painting and decoration marked as content become artifacts
 *    (`artifacts.ts`); the decoration is what Chromium marks with an element's id but that
 *    paints only paths (box backgrounds, bands, rules, cell borders), outside figures,
 *    formulas and list labels.
 * 2. Structure tree: the artifacts' ids leave it; elements left empty go; list items get
 *    `LBody` around what follows their `Lbl`; elements holding a link annotation become
 *    `Link` and the annotation gets `/Contents`; heading levels that skip are closed up
 *    (each at most one deeper than the one before, the first an `H1`); table headers
 *    without a scope get one; PDF 2.0 types Chromium writes (`Strong`, `Em`, `Aside`…) are
 *    role-mapped to PDF 1.7 ones; the parent tree is rebuilt.
 * 3. Catalogue: XMP metadata with `pdfuaid:part` 1, `MarkInfo`, `DisplayDocTitle`, `Lang`;
 *    every page `/Tabs /S`.
 */
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';
import { markArtifacts } from './artifacts';
import { parseContentStream } from './content-stream';
import { innermostMcid, paintGroups, type PaintGroup } from './marked-content';
import { streamBytes } from './pdf-file';
import { allNodes, ancestors, type Lookup, mcidOwners, newNode, readStructTree, type StructKid, type StructNode, type StructTree, writeStructTree } from './structure';
import { xmpPacket, type XmpProperties } from './xmp';

export interface ObjectStore {
  context: PDFContext;
  lookup: Lookup;
  /** Puts an object at a reference: replaces an old one or places a new one. */
  assign(ref: PDFRef, object: PDFObject): void;
  pageRefs: readonly PDFRef[];
}

export interface AccessibleResult {
  /** Painting groups that were outside marked content, now artifacts. */
  wrapped: number;
  /** Marked-content sequences of decoration, now artifacts. */
  decorations: number;
}

const name = (value: string): PDFName => PDFName.of(value);

/** Structure types whose path-only content is content, not decoration. */
const GRAPHIC_TYPES = new Set(['Figure', 'Formula', 'Lbl']);

/** PDF 2.0 standard types Chromium may write, and the PDF 1.7 type each plays (ISO 32000-2 Annex L). */
export const PDF2_ROLES: ReadonlyMap<string, string> = new Map([
  ['Strong', 'Span'],
  ['Em', 'Span'],
  ['Sub', 'Span'],
  ['Aside', 'Sect'],
  ['Title', 'P'],
  ['FENote', 'Note'],
  ['DocumentFragment', 'Div'],
  ['Artifact', 'NonStruct'],
]);

/** PDF 1.7 standard structure types (ISO 32000-1 §14.8.4). */
export const STANDARD_TYPES: ReadonlySet<string> = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

function contentRefs(page: PDFDict, lookup: Lookup): PDFRef[] {
  const contents = page.get(name('Contents'));
  if (contents instanceof PDFRef) {
    const value = lookup(contents);
    if (value instanceof PDFArray) return value.asArray().filter((item): item is PDFRef => item instanceof PDFRef);
    return [contents];
  }
  return contents instanceof PDFArray ? contents.asArray().filter((item): item is PDFRef => item instanceof PDFRef) : [];
}

/** The page's content as one stream of bytes, or undefined when a part is not readable (an unknown filter). */
export function pageContent(page: PDFDict, lookup: Lookup): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  for (const ref of contentRefs(page, lookup)) {
    const stream = lookup(ref);
    const bytes = stream instanceof PDFRawStream ? streamBytes(stream) : undefined;
    if (!bytes) return undefined;
    parts.push(bytes, new Uint8Array([0x0a]));
  }
  return Buffer.concat(parts);
}

/** The page's box, inherited through the page tree (default US Letter, as the standard says). */
export function mediaBox(page: PDFDict, lookup: Lookup): [number, number, number, number] {
  for (let node: PDFDict | undefined = page, depth = 0; node && depth < 64; depth++) {
    const box = lookup(node.get(name('MediaBox')));
    if (box instanceof PDFArray && box.size() === 4) {
      const values = box.asArray().map((value) => lookup(value));
      if (values.every((value) => value instanceof PDFNumber)) return values.map((value) => (value).asNumber()) as [number, number, number, number];
    }
    const parent = lookup(node.get(name('Parent')));
    node = parent instanceof PDFDict ? parent : undefined;
  }
  return [0, 0, 612, 792];
}

/** A figure or formula with `/Alt` or `/ActualText`. */
function hasAlternative(node: StructNode, lookup: Lookup): boolean {
  return ['Alt', 'ActualText'].some((key) => {
    const value = lookup(node.dict.get(name(key)));
    return (value instanceof PDFString || value instanceof PDFHexString) && value.decodeText().trim() !== '';
  });
}

/**
 * MCIDs of decoration: content that is only paths (or shadings) outside a figure, formula or
 * list label; and the content without text of a figure that has no alternative text (a
 * background picture without alt text, which the house renderer marks `aria-hidden` and
 * Chromium tags as a figure all the same).
 */
function decorativeMcids(groups: readonly PaintGroup[], owners: ReadonlyMap<number, StructNode> | undefined, lookup: Lookup): Set<number> {
  const kinds = new Map<number, Set<PaintGroup['kind']>>();
  for (const group of groups) {
    const mark = innermostMcid(group.marks);
    if (mark?.mcid === undefined) continue;
    const set = kinds.get(mark.mcid) ?? new Set();
    set.add(group.kind);
    kinds.set(mark.mcid, set);
  }
  const decorative = new Set<number>();
  for (const [mcid, set] of kinds) {
    const owner = owners?.get(mcid);
    if (!owner) continue;
    const lineage = [owner, ...ancestors(owner)];
    const figure = lineage.find((node) => GRAPHIC_TYPES.has(node.type));
    const onlyPaths = [...set].every((kind) => kind === 'path' || kind === 'shading');
    const unlabelledPicture = figure?.type === 'Figure' && !set.has('text') && !lineage.some((node) => hasAlternative(node, lookup));
    if ((onlyPaths && !figure) || unlabelledPicture) decorative.add(mcid);
  }
  return decorative;
}

function removeMcids(owners: ReadonlyMap<number, StructNode> | undefined, page: PDFRef, mcids: ReadonlySet<number>): void {
  for (const mcid of mcids) {
    const owner = owners?.get(mcid);
    if (!owner) continue;
    owner.kids = owner.kids.filter((kid) => !(kid.kind === 'mcid' && kid.mcid === mcid && (!kid.page || kid.page === page)));
    owner.dirty = true;
  }
}

function rewritePages(store: ObjectStore, tree: StructTree | undefined): AccessibleResult {
  const { context, lookup } = store;
  const owners = tree ? mcidOwners(tree) : new Map<number, Map<number, StructNode>>();
  let wrapped = 0;
  let decorations = 0;
  for (const pageRef of store.pageRefs) {
    const page = lookup(pageRef);
    if (!(page instanceof PDFDict)) continue;
    const bytes = pageContent(page, lookup);
    if (!bytes) continue;
    const operations = parseContentStream(bytes);
    const groups = paintGroups(bytes, operations);
    const pageOwners = owners.get(pageRef.objectNumber);
    const decorative = decorativeMcids(groups, pageOwners, lookup);
    const rewrite = markArtifacts(bytes, operations, groups, decorative, mediaBox(page, lookup));
    removeMcids(pageOwners, pageRef, decorative);
    wrapped += rewrite.wrapped;
    decorations += decorative.size;

    // Level 1: a few per cent larger than the default level, at a third of the time.
    const stream = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(rewrite.bytes, { level: 1 }));
    const refs = contentRefs(page, lookup);
    const single = refs.length === 1 && page.get(name('Contents')) instanceof PDFRef;
    const target = single ? refs[0]! : context.nextRef();
    store.assign(target, stream);
    const tabs = page.get(name('Tabs'));
    if (!single || tabs !== name('S')) {
      const updated = page.clone(context);
      updated.set(name('Contents'), target);
      updated.set(name('Tabs'), name('S'));
      store.assign(pageRef, updated);
    }
  }
  return { wrapped, decorations };
}

/** `LI` → `Lbl`… then one `LBody` with everything else. */
function addListBodies(tree: StructTree, context: PDFContext): void {
  for (const item of allNodes(tree)) {
    if (item.type !== 'LI') continue;
    const labels = item.kids.filter((kid) => kid.kind === 'node' && kid.node.type === 'Lbl');
    const rest = item.kids.filter((kid) => !labels.includes(kid));
    if (rest.length === 0 || (rest.length === 1 && rest[0]!.kind === 'node' && rest[0]!.node.type === 'LBody')) continue;
    const body = newNode(context, 'LBody', item, rest);
    item.kids = [...labels, { kind: 'node', node: body }];
    item.dirty = true;
  }
}

function annotationText(annotation: PDFDict, lookup: Lookup): string {
  const action = lookup(annotation.get(name('A')));
  const uri = action instanceof PDFDict ? lookup(action.get(name('URI'))) : undefined;
  if (uri instanceof PDFString || uri instanceof PDFHexString) return `Link to ${uri.decodeText()}`;
  const dest = lookup(annotation.get(name('Dest')));
  const footnote = dest instanceof PDFName ? /^is-fn-\d+-(\d+)$/.exec(dest.decodeText()) : null;
  return footnote ? `Footnote ${footnote[1]}` : 'Link within the document';
}

/** Elements holding a link annotation are `Link`s; link annotations say where they go (`/Contents`). */
function tagLinks(tree: StructTree, store: ObjectStore): void {
  for (const node of allNodes(tree)) {
    for (const kid of node.kids) {
      if (kid.kind !== 'objr' || !kid.annotation) continue;
      const annotation = store.lookup(kid.annotation);
      if (!(annotation instanceof PDFDict) || annotation.get(name('Subtype')) !== name('Link')) continue;
      if (node.type !== 'Link') {
        node.type = 'Link';
        node.dirty = true;
      }
      if (!annotation.has(name('Contents'))) {
        const updated = annotation.clone(store.context);
        updated.set(name('Contents'), PDFHexString.fromText(annotationText(annotation, store.lookup)));
        store.assign(kid.annotation, updated);
      }
    }
  }
}

/** Drops elements with nothing in them (their content became artifacts), bottom up. */
function pruneEmpty(tree: StructTree): void {
  const prune = (kids: StructKid[]): StructKid[] =>
    kids.filter((kid) => {
      if (kid.kind !== 'node') return true;
      const before = kid.node.kids.length;
      kid.node.kids = prune(kid.node.kids);
      if (kid.node.kids.length !== before) kid.node.dirty = true;
      return kid.node.kids.length > 0;
    });
  for (const node of tree.top) {
    const before = node.kids.length;
    node.kids = prune(node.kids);
    if (node.kids.length !== before) node.dirty = true;
  }
}

/** Heading levels close up: the first is H1, each at most one deeper than the one before. */
function closeHeadingGaps(tree: StructTree): void {
  let previous = 0;
  for (const node of allNodes(tree)) {
    const level = /^H([1-6])$/.exec(node.type)?.[1];
    if (!level) continue;
    const fixed = Math.min(Number(level), previous + 1);
    if (fixed !== Number(level)) {
      node.type = `H${fixed}`;
      node.dirty = true;
    }
    previous = fixed;
  }
}

function hasScope(node: StructNode, lookup: Lookup): boolean {
  const attributes = lookup(node.dict.get(name('A')));
  const list = attributes instanceof PDFArray ? attributes.asArray() : attributes ? [attributes] : [];
  return list.some((entry) => {
    const dict = lookup(entry);
    return dict instanceof PDFDict && dict.has(name('Scope'));
  });
}

/** A `TH` without `/Scope`: Column in a table's first row, Row elsewhere. */
function scopeHeaders(tree: StructTree, context: PDFContext, lookup: Lookup): void {
  for (const node of allNodes(tree)) {
    if (node.type !== 'TH' || hasScope(node, lookup)) continue;
    const row = node.parent;
    const rows = row?.parent?.kids.filter((kid) => kid.kind === 'node' && kid.node.type === 'TR') ?? [];
    const firstRow = rows[0]?.kind === 'node' && rows[0].node === row;
    const scope = context.obj({ O: 'Table', Scope: firstRow ? 'Column' : 'Row' });
    const existing = lookup(node.dict.get(name('A')));
    const list = existing instanceof PDFArray ? existing.asArray() : existing ? [existing] : [];
    node.dict = node.dict.clone(context);
    node.dict.set(name('A'), context.obj([...list, scope]));
    node.dirty = true;
  }
}

/** Role map entries for every non-standard type in the tree. */
function roleMapFor(tree: StructTree): Map<string, string> {
  const roles = new Map<string, string>();
  for (const node of allNodes(tree)) {
    if (!STANDARD_TYPES.has(node.type)) roles.set(node.type, PDF2_ROLES.get(node.type) ?? 'NonStruct');
  }
  return roles;
}

function fixStructure(tree: StructTree, store: ObjectStore): Map<string, string> {
  addListBodies(tree, store.context);
  tagLinks(tree, store);
  pruneEmpty(tree);
  closeHeadingGaps(tree);
  scopeHeaders(tree, store.context, store.lookup);
  return roleMapFor(tree);
}

function numberKey(dict: PDFObject | undefined, key: string, lookup: Lookup): number | undefined {
  const value = dict instanceof PDFDict ? lookup(dict.get(name(key))) : undefined;
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

/**
 * Applies everything to the document behind `store`; `catalog` is the catalogue as it is to
 * be written (changed in place).
 */
export function makeAccessible(store: ObjectStore, catalog: PDFDict, properties: XmpProperties): AccessibleResult {
  const { context, lookup } = store;
  const tree = readStructTree(catalog, lookup, context);
  const result = rewritePages(store, tree);
  if (tree) {
    const roleMap = fixStructure(tree, store);
    const rootRef = writeStructTree(
      tree,
      context,
      (ref, object) => store.assign(ref, object),
      {
        pageKey: (page) => numberKey(lookup(page), 'StructParents', lookup),
        annotationKey: (annotation) => numberKey(lookup(annotation), 'StructParent', lookup),
      },
      roleMap,
    );
    catalog.set(name('StructTreeRoot'), rootRef);
  }
  const metadata = PDFRawStream.of(context.obj({ Type: 'Metadata', Subtype: 'XML' }), Buffer.from(xmpPacket(properties), 'utf8'));
  const metadataRef = context.nextRef();
  store.assign(metadataRef, metadata);
  catalog.set(name('Metadata'), metadataRef);
  catalog.set(name('MarkInfo'), context.obj({ Marked: true }));
  const preferences = lookup(catalog.get(name('ViewerPreferences')));
  const updated = preferences instanceof PDFDict ? preferences.clone(context) : (context.obj({}));
  updated.set(name('DisplayDocTitle'), context.obj(true));
  catalog.set(name('ViewerPreferences'), updated);
  return result;
}

/** {@link makeAccessible} on a document pdf-lib has loaded whole (the fallback of the incremental update). */
export function makeDocumentAccessible(doc: PDFDocument, properties: XmpProperties): AccessibleResult {
  const { context } = doc;
  const store: ObjectStore = {
    context,
    lookup: (object) => (object === undefined ? undefined : context.lookup(object)),
    assign: (ref, object) => context.assign(ref, object),
    pageRefs: doc.getPages().map((page) => page.ref),
  };
  return makeAccessible(store, doc.catalog, properties);
}
