/**
 * The structure tree (PDF 1.7 §14.7) as a model that can be read, changed and written back:
 * elements with their type and kids (elements, marked-content ids on a page, references to
 * annotations). Read from any PDF through a `lookup` function (the lazy {@link PdfFile} or
 * pdf-lib's context), so the writer and the checker share it.
 */
import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

export type Lookup = (object: PDFObject | undefined) => PDFObject | undefined;

export interface StructNode {
  /** The element's object; new elements get one when created. */
  ref: PDFRef;
  /** Its dictionary as read (attributes, /Alt, /Lang… are kept from it). */
  dict: PDFDict;
  type: string;
  parent: StructNode | undefined;
  kids: StructKid[];
  /** `/Pg`: the page its marked-content ids are on unless a kid says otherwise. */
  page: PDFRef | undefined;
  /** Changed since read: written back. */
  dirty: boolean;
}

export type StructKid =
  | { kind: 'node'; node: StructNode }
  | { kind: 'mcid'; mcid: number; page: PDFRef | undefined }
  | { kind: 'objr'; dict: PDFDict; annotation: PDFRef | undefined; page: PDFRef | undefined };

export interface StructTree {
  rootRef: PDFRef | undefined;
  root: PDFDict;
  /** The top-level elements. */
  top: StructNode[];
}

const name = (value: string): PDFName => PDFName.of(value);

/** A name's text. (Not `decodeText()`: structure types have no `#xx` escapes, and decoding every one costs.) */
export function nameOf(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFName ? object.asString().slice(1) : undefined;
}

function refOr(object: PDFObject | undefined): PDFRef | undefined {
  return object instanceof PDFRef ? object : undefined;
}

function asList(object: PDFObject | undefined, lookup: Lookup): PDFObject[] {
  const value = lookup(object);
  if (value instanceof PDFArray) return value.asArray();
  return object === undefined || value === PDFNull ? [] : [object];
}

/** Reads the structure tree, or undefined when the document has none. At most `limit` elements (a guard against cycles). */
export function readStructTree(catalog: PDFDict, lookup: Lookup, context: PDFContext, limit = 200_000): StructTree | undefined {
  const rootObject = catalog.get(name('StructTreeRoot'));
  const root = lookup(rootObject);
  if (!(root instanceof PDFDict)) return undefined;
  const seen = new Set<PDFRef | PDFDict>();
  const readNode = (object: PDFObject, parent: StructNode | undefined): StructNode | undefined => {
    const dict = lookup(object);
    if (!(dict instanceof PDFDict) || seen.has(object instanceof PDFRef ? object : dict) || seen.size >= limit) return undefined;
    seen.add(object instanceof PDFRef ? object : dict);
    const node: StructNode = {
      ref: object instanceof PDFRef ? object : context.nextRef(),
      dict,
      type: nameOf(dict.get(name('S'))) ?? '',
      parent,
      kids: [],
      page: refOr(dict.get(name('Pg'))),
      dirty: !(object instanceof PDFRef),
    };
    for (const kid of asList(dict.get(name('K')), lookup)) {
      const value = lookup(kid);
      if (value instanceof PDFNumber) {
        node.kids.push({ kind: 'mcid', mcid: value.asNumber(), page: node.page });
      } else if (value instanceof PDFDict) {
        const type = nameOf(value.get(name('Type')));
        if (type === 'MCR') {
          const mcid = lookup(value.get(name('MCID')));
          if (mcid instanceof PDFNumber) node.kids.push({ kind: 'mcid', mcid: mcid.asNumber(), page: refOr(value.get(name('Pg'))) ?? node.page });
        } else if (type === 'OBJR') {
          node.kids.push({ kind: 'objr', dict: value, annotation: refOr(value.get(name('Obj'))), page: refOr(value.get(name('Pg'))) ?? node.page });
        } else {
          const child = readNode(kid, node);
          if (child) node.kids.push({ kind: 'node', node: child });
        }
      }
    }
    return node;
  };
  const top = asList(root.get(name('K')), lookup).flatMap((kid) => readNode(kid, undefined) ?? []);
  return { rootRef: refOr(rootObject), root, top };
}

/** Every element, depth first in document order. */
export function allNodes(tree: StructTree): StructNode[] {
  const out: StructNode[] = [];
  const visit = (node: StructNode): void => {
    out.push(node);
    for (const kid of node.kids) if (kid.kind === 'node') visit(kid.node);
  };
  tree.top.forEach(visit);
  return out;
}

/** Page object number → MCID → the element that holds it. */
export function mcidOwners(tree: StructTree): Map<number, Map<number, StructNode>> {
  const owners = new Map<number, Map<number, StructNode>>();
  for (const node of allNodes(tree)) {
    for (const kid of node.kids) {
      if (kid.kind !== 'mcid' || !kid.page) continue;
      const page = owners.get(kid.page.objectNumber) ?? new Map<number, StructNode>();
      page.set(kid.mcid, node);
      owners.set(kid.page.objectNumber, page);
    }
  }
  return owners;
}

export function ancestors(node: StructNode): StructNode[] {
  const out: StructNode[] = [];
  for (let at = node.parent; at; at = at.parent) out.push(at);
  return out;
}

/** A new element under `parent` (not yet placed among its kids). */
export function newNode(context: PDFContext, type: string, parent: StructNode, kids: StructKid[]): StructNode {
  const node: StructNode = { ref: context.nextRef(), dict: context.obj({}), type, parent, kids, page: parent.page, dirty: true };
  for (const kid of kids) if (kid.kind === 'node') reparent(kid.node, node);
  return node;
}

export function reparent(node: StructNode, parent: StructNode): void {
  node.parent = parent;
  node.dirty = true;
}

/** The element's dictionary as it is to be written. */
function nodeDict(node: StructNode, parentRef: PDFRef, context: PDFContext): PDFDict {
  const dict = node.dict.clone(context);
  dict.set(name('Type'), name('StructElem'));
  dict.set(name('S'), name(node.type));
  dict.set(name('P'), parentRef);
  const mcidPages = node.kids.flatMap((kid) => (kid.kind === 'mcid' && kid.page ? [kid.page] : []));
  const page = node.page ?? mcidPages[0];
  if (page) dict.set(name('Pg'), page);
  const kids = node.kids.map((kid): PDFObject => {
    if (kid.kind === 'node') return kid.node.ref;
    if (kid.kind === 'objr') return kid.dict;
    if (!kid.page || kid.page === page) return context.obj(kid.mcid);
    return context.obj({ Type: 'MCR', Pg: kid.page, MCID: kid.mcid });
  });
  if (kids.length === 1) dict.set(name('K'), kids[0]!);
  else dict.set(name('K'), context.obj(kids));
  return dict;
}

/**
 * Writes the changed elements, a new parent tree (rebuilt from the elements: page
 * `/StructParents` key → MCID → element; annotation `/StructParent` key → element) and the
 * structure tree root. `assign` puts an object at a reference (new or replaced).
 */
export function writeStructTree(
  tree: StructTree,
  context: PDFContext,
  assign: (ref: PDFRef, object: PDFObject) => void,
  keys: { pageKey: (page: PDFRef) => number | undefined; annotationKey: (annotation: PDFRef) => number | undefined },
  roleMap: ReadonlyMap<string, string>,
): PDFRef {
  const rootRef = tree.rootRef ?? context.nextRef();
  const perPage = new Map<number, PDFRef[]>();
  const single = new Map<number, PDFRef>();
  const visit = (node: StructNode, parentRef: PDFRef): void => {
    if (node.dirty) assign(node.ref, nodeDict(node, parentRef, context));
    for (const kid of node.kids) {
      if (kid.kind === 'node') visit(kid.node, node.ref);
      else if (kid.kind === 'mcid' && kid.page) {
        const key = keys.pageKey(kid.page);
        if (key === undefined) continue;
        const list = perPage.get(key) ?? [];
        list[kid.mcid] = node.ref;
        perPage.set(key, list);
      } else if (kid.kind === 'objr' && kid.annotation) {
        const key = keys.annotationKey(kid.annotation);
        if (key !== undefined) single.set(key, node.ref);
      }
    }
  };
  for (const node of tree.top) visit(node, rootRef);
  const entries: [number, PDFObject][] = [
    ...[...perPage].map(([key, list]): [number, PDFObject] => [key, context.obj(Array.from(list, (ref) => ref ?? PDFNull))]),
    ...[...single].map(([key, ref]): [number, PDFObject] => [key, ref]),
  ].sort((a, b) => a[0] - b[0]);
  const nums = entries.flatMap(([key, value]) => [context.obj(key), value]);
  const root = tree.root.clone(context);
  root.set(name('Type'), name('StructTreeRoot'));
  root.set(name('K'), tree.top.length === 1 ? tree.top[0]!.ref : context.obj(tree.top.map((node) => node.ref)));
  root.set(name('ParentTree'), context.register(context.obj({ Nums: nums })));
  root.set(name('ParentTreeNextKey'), context.obj(entries.length > 0 ? entries[entries.length - 1]![0] + 1 : 0));
  if (roleMap.size > 0) {
    const map = (context.obj({}));
    const existing = root.get(name('RoleMap'));
    if (existing instanceof PDFDict) for (const [key, value] of existing.entries()) map.set(key, value);
    for (const [from, to] of roleMap) map.set(name(from), name(to));
    root.set(name('RoleMap'), map);
  }
  assign(rootRef, root);
  return rootRef;
}
