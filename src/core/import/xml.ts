/**
 * XML parts as a small element tree, read by a parser of our own: OOXML uses a small part
 * of XML (elements, attributes, text, the odd comment or CDATA section), and a scanner over
 * exactly that is several times faster than a general parser on a cold start, which is
 * what one import is. Safety by construction: a document type declaration is refused (OOXML
 * never has one), so no entity is ever defined, expanded or fetched; the five predefined
 * entities and character references are decoded once. The scan is linear in the part's
 * length. Namespace prefixes are resolved through their declarations to fixed ones (`p:`,
 * `a:`, `r:`, …), so a writer that picks other prefixes, or ISO strict OOXML, reads the same.
 */
import { ImportError } from './errors';

export interface XmlElement {
  /** `prefix:local`, the prefix one of {@link NAMESPACES}' when the namespace is known. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** The prefix the importer uses for each namespace it reads (transitional and strict URIs). */
const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/presentationml/2006/main': 'p',
  'http://purl.oclc.org/ooxml/presentationml/main': 'p',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'c',
  'http://purl.oclc.org/ooxml/drawingml/chart': 'c',
  'http://schemas.openxmlformats.org/drawingml/2006/diagram': 'dgm',
  'http://purl.oclc.org/ooxml/drawingml/diagram': 'dgm',
  'http://schemas.microsoft.com/office/powerpoint/2010/main': 'p14',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** Elements nest this deep at most (real parts stay under 30); deeper is hostile. */
const MAX_DEPTH = 256;

type Scope = ReadonlyMap<string, string>;

interface Open {
  element: XmlElement;
  rawName: string;
  scope: Scope;
}

const BASE_SCOPE: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

/** Parses one XML part; throws an {@link ImportError} naming the part when it cannot be read. */
export function parseXml(text: string, part: string): XmlElement {
  const broken = (what: string) => new ImportError(`the part ${part} is not well-formed XML (${what}); open the file in PowerPoint and save it again`);
  const document: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: Open[] = [{ element: document, rawName: '', scope: BASE_SCOPE }];
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const top = stack[stack.length - 1]!;
    if (lt < 0 || lt > at) addText(top.element, text.slice(at, lt < 0 ? text.length : lt));
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      at = after(text, '-->', lt + 4, broken);
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw broken('an unclosed CDATA section');
      top.element.children.push(text.slice(lt + 9, end));
      at = end + 3;
    } else if (text.startsWith('<?', lt)) {
      at = after(text, '?>', lt + 2, broken);
    } else if (text.startsWith('<!', lt)) {
      throw new ImportError(`the part ${part} declares a document type, which OOXML never does; refused`);
    } else {
      const gt = tagEnd(text, lt);
      if (gt < 0) throw broken('an unclosed tag');
      if (text[lt + 1] === '/') {
        const rawName = text.slice(lt + 2, gt).trim();
        if (stack.length === 1 || top.rawName !== rawName) throw broken(`</${rawName}> closes <${top.rawName || 'nothing'}>`);
        close(stack.pop()!.element);
      } else {
        const selfClosing = text[gt - 1] === '/';
        const open = openElement(text.slice(lt + 1, selfClosing ? gt - 1 : gt), top.scope);
        top.element.children.push(open.element);
        if (selfClosing) close(open.element);
        else if (stack.length > MAX_DEPTH) throw broken(`elements nested over ${MAX_DEPTH} deep`);
        else stack.push(open);
      }
      at = gt + 1;
    }
  }
  if (stack.length > 1) throw broken(`<${stack[stack.length - 1]!.rawName}> is never closed`);
  const root = document.children.find((node): node is XmlElement => typeof node !== 'string');
  if (!root) throw new ImportError(`the part ${part} is empty; open the file in PowerPoint and save it again`);
  return root;
}

function after(text: string, terminator: string, from: number, broken: (what: string) => ImportError): number {
  const end = text.indexOf(terminator, from);
  if (end < 0) throw broken(`no closing ${terminator}`);
  return end + terminator.length;
}

/** The `>` that ends the tag starting at `lt`, skipping quoted attribute values. */
function tagEnd(text: string, lt: number): number {
  for (let at = lt + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x3e) return at;
    if (code === 0x22 || code === 0x27) {
      at = text.indexOf(code === 0x22 ? '"' : "'", at + 1);
      if (at < 0) return -1;
    }
  }
  return -1;
}

function openElement(tag: string, parentScope: Scope): Open {
  let end = 0;
  while (end < tag.length && !isSpace(tag.charCodeAt(end))) end++;
  const rawName = tag.slice(0, end);
  let scope = parentScope;
  const attrs: Record<string, string> = {};
  let prefixed: [string, string][] | undefined;
  let at = end;
  // Attributes: name = "value" or 'value', scanned by hand (a regex per tag is the slow part).
  while (at < tag.length) {
    while (at < tag.length && isSpace(tag.charCodeAt(at))) at++;
    const eq = tag.indexOf('=', at);
    if (eq < 0) break;
    const key = tag.slice(at, eq).trim();
    let open = eq + 1;
    while (open < tag.length && isSpace(tag.charCodeAt(open))) open++;
    const quote = tag[open];
    if (quote !== '"' && quote !== "'") break;
    const close = tag.indexOf(quote, open + 1);
    if (close < 0) break;
    const value = decodeEntities(tag.slice(open + 1, close));
    at = close + 1;
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), value);
    } else if (key.includes(':')) (prefixed ??= []).push([key, value]);
    else attrs[key] = value;
  }
  // Unprefixed attributes are in no namespace: they keep their bare name.
  if (prefixed) for (const [key, value] of prefixed) attrs[canonicalName(key, scope, false)] = value;
  return { element: { name: canonicalName(rawName, scope, true), attrs, children: [] }, rawName, scope };
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function addText(element: XmlElement, raw: string): void {
  element.children.push(decodeEntities(raw));
}

/** Indentation between elements is not content; text-only elements keep their spaces. */
function close(element: XmlElement): void {
  if (element.children.some((node) => typeof node !== 'string')) {
    element.children = element.children.filter((node) => typeof node !== 'string' || node.trim() !== '');
  }
}

const canonicalCache = new WeakMap<Scope, Map<string, string>>();

/** Element names repeat thousands of times a part: each is resolved once a scope. */
function canonicalName(name: string, scope: Scope, isElement: boolean): string {
  let cache = canonicalCache.get(scope);
  if (!cache) canonicalCache.set(scope, (cache = new Map()));
  const key = isElement ? name : `@${name}`;
  let resolved = cache.get(key);
  if (resolved === undefined) cache.set(key, (resolved = resolveName(name, scope, isElement)));
  return resolved;
}

function resolveName(name: string, scope: Scope, isElement: boolean): string {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const local = colon < 0 ? name : name.slice(colon + 1);
  const uri = prefix === '' && !isElement ? undefined : scope.get(prefix);
  const known = uri === undefined ? undefined : NAMESPACES[uri];
  if (known !== undefined) return `${known}:${local}`;
  return name;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references in one pass (so `&amp;#38;` stays `&#38;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[body] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the tree.

export function elements(element: XmlElement | undefined): XmlElement[] {
  if (!element) return [];
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** The first child element named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) return node;
  return undefined;
}

/** The child elements named `name`. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return elements(element).filter((node) => node.name === name);
}

/** Follows a path of child names: `path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph')`. */
export function path(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

/** Every descendant named `name`, in document order. */
export function descendants(element: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const next of node.children) {
      if (typeof next === 'string') continue;
      if (next.name === name) found.push(next);
      visit(next);
    }
  };
  if (element) visit(element);
  return found;
}

/** The element's own text (its string children joined). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.filter((node): node is string => typeof node === 'string').join('');
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attrs[name];
}

/** An attribute read as a number, or undefined when absent or not a number. */
export function numberAttr(element: XmlElement | undefined, name: string): number | undefined {
  const value = element?.attrs[name];
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** OOXML booleans: `1`/`true` and `0`/`false`; undefined when absent. */
export function booleanAttr(element: XmlElement | undefined, name: string): boolean | undefined {
  const value = element?.attrs[name];
  if (value === undefined) return undefined;
  return value === '1' || value === 'true' || value === 'on';
}
