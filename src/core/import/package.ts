/**
 * The Open Packaging Conventions layer: parts by name, relationships resolved to part names.
 * A relationship is followed only inside the package: an external target (`TargetMode=
 * "External"`: linked pictures, OLE links, hyperlinks to files) is returned as external and
 * never opened, and a part name that climbs out of the package (`..` past the root), is
 * absolute on disk, or holds a backslash or NUL is never read.
 */
import { posix } from 'node:path';
import { describeSize } from '../io/read-text';
import { ImportError } from './errors';
import { attr, childrenNamed, parseXml, type XmlElement } from './xml';
import type { ZipArchive } from './zip';

/** The largest XML part read (a 500-slide deck's biggest part is well under 1 MB). */
export const MAX_XML_PART_BYTES = 32 * 1024 * 1024;

export type Relationship =
  | { id: string; type: string; external: false; part: string }
  | { id: string; type: string; external: true; target: string };

/** Relationship types by the last segment of their URI (transitional and strict share it). */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

export class OpcPackage {
  private readonly xmlCache = new Map<string, XmlElement | undefined>();
  private readonly relsCache = new Map<string, Map<string, Relationship>>();
  /** Part names and targets refused as unsafe, for the report. */
  readonly refused: string[] = [];

  constructor(readonly zip: ZipArchive) {}

  /** Whether a part name is safe to read: relative, inside the package, no backslash or NUL. */
  static isSafePartName(name: string): boolean {
    if (name === '' || name.startsWith('/') || /[\\\0]/.test(name) || /^[A-Za-z]:/.test(name)) return false;
    return !name.split('/').some((segment) => segment === '..' || segment === '.');
  }

  has(part: string): boolean {
    return OpcPackage.isSafePartName(part) && this.zip.has(part);
  }

  /** The part's bytes; undefined when absent or unsafe. */
  bytes(part: string): Buffer | undefined {
    if (!OpcPackage.isSafePartName(part)) {
      this.refuse(part);
      return undefined;
    }
    return this.zip.read(part);
  }

  /**
   * The part parsed as XML; undefined when absent. `shared` parts (layouts, masters) are
   * kept for the slides that use them; a slide's own parts are not, so a long deck's trees
   * do not all stay in memory.
   */
  xml(part: string, shared = false): XmlElement | undefined {
    if (this.xmlCache.has(part)) return this.xmlCache.get(part);
    const entry = this.zip.entry(part);
    if (entry && entry.size > MAX_XML_PART_BYTES) {
      throw new ImportError(`the part ${part} is ${describeSize(entry.size)} of XML; parts over ${describeSize(MAX_XML_PART_BYTES)} are not imported`);
    }
    const data = this.bytes(part);
    const parsed = data === undefined ? undefined : parseXml(decodeXmlBytes(data), part);
    if (shared) this.xmlCache.set(part, parsed);
    return parsed;
  }

  /** The relationships of a part (`ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`), by id. */
  relationships(part: string): Map<string, Relationship> {
    const cached = this.relsCache.get(part);
    if (cached) return cached;
    const rels = new Map<string, Relationship>();
    const dir = posix.dirname(part);
    const relsPart = posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`);
    for (const rel of childrenNamed(this.xml(relsPart), 'pr:Relationship')) {
      const id = attr(rel, 'Id');
      const type = attr(rel, 'Type') ?? '';
      const target = attr(rel, 'Target') ?? '';
      if (!id) continue;
      if (attr(rel, 'TargetMode') === 'External') {
        rels.set(id, { id, type, external: true, target });
        continue;
      }
      const resolved = resolveTarget(part, target);
      if (resolved === undefined) this.refuse(target);
      else rels.set(id, { id, type, external: false, part: resolved });
    }
    this.relsCache.set(part, rels);
    return rels;
  }

  /** The first internal relationship of a kind (`slideLayout`, `notesSlide`, …). */
  related(part: string, kind: string): string | undefined {
    for (const rel of this.relationships(part).values()) {
      if (!rel.external && relationshipKind(rel.type) === kind) return rel.part;
    }
    return undefined;
  }

  private refuse(name: string): void {
    if (!this.refused.includes(name)) this.refused.push(name);
  }
}

/** A relationship target as a part name, or undefined when it leaves the package. */
export function resolveTarget(sourcePart: string, target: string): string | undefined {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded: taken as written.
  }
  if (/[\\\0]/.test(decoded) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(decoded)) return undefined;
  const base = decoded.startsWith('/') ? '' : posix.dirname(sourcePart);
  const segments: string[] = [];
  for (const segment of `${base}/${decoded}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  const name = segments.join('/');
  return OpcPackage.isSafePartName(name) ? name : undefined;
}

/** XML bytes to text: UTF-8 (the usual), or UTF-16 when the part starts with its byte-order mark. */
function decodeXmlBytes(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data);
}
