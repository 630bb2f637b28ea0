/**
 * DrawingML text (`a:txBody`) to paragraphs of runs. What a paragraph does not say itself
 * (bullets, bold, size) it inherits through a chain of list styles: the shape's own, then
 * its layout's and master's placeholder, then the master's text styles, as PowerPoint does.
 */
import type { Paragraph, Run } from '../model';
import type { Relationship } from '../package';
import { attr, child, elements, numberAttr, textOf, type XmlElement } from '../xml';

/** List styles from the nearest (the shape's `a:lstStyle`) to the farthest (the master's text style). */
export type StyleChain = readonly (XmlElement | undefined)[];

export interface TextContext {
  chain: StyleChain;
  /** The part's relationships, for hyperlinks. */
  relationships: ReadonlyMap<string, Relationship>;
  /** Called with a hyperlink target that is not kept as a link (a file, another slide). */
  onOtherLink(target: string): void;
  /** Called with each run's language tag (`en-GB`), for the deck's `lang`. */
  onLanguage?(lang: string): void;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The paragraphs of a text body that hold text (empty paragraphs are spacing, not content). */
export function readParagraphs(body: XmlElement | undefined, context: TextContext): Paragraph[] {
  if (!body) return [];
  const chain: StyleChain = [child(body, 'a:lstStyle'), ...context.chain];
  const paragraphs: Paragraph[] = [];
  for (const p of elements(body)) {
    if (p.name !== 'a:p') continue;
    const paragraph = readParagraph(p, chain, context);
    if (paragraph.runs.some((run) => run.text.trim() !== '')) paragraphs.push(paragraph);
  }
  return paragraphs;
}

function readParagraph(p: XmlElement, chain: StyleChain, context: TextContext): Paragraph {
  const pPr = child(p, 'a:pPr');
  const level = Math.min(8, Math.max(0, numberAttr(pPr, 'lvl') ?? 0));
  const levelStyles = [pPr, ...chain.map((style) => child(style, `a:lvl${level + 1}pPr`))];
  const runs: Run[] = [];
  let size: number | undefined;
  for (const node of elements(p)) {
    if (node.name === 'a:br') {
      appendText(runs, '\n', { bold: false, italic: false });
      continue;
    }
    if (node.name !== 'a:r' && node.name !== 'a:fld') continue;
    // A slide-number field is furniture wherever it stands.
    if (node.name === 'a:fld' && (attr(node, 'type') ?? '').toLowerCase() === 'slidenum') continue;
    const rPr = child(node, 'a:rPr');
    const lang = attr(rPr, 'lang');
    if (lang) context.onLanguage?.(lang);
    const defaults = levelStyles.map((style) => child(style, 'a:defRPr'));
    const bold = flag(rPr, defaults, 'b');
    const italic = flag(rPr, defaults, 'i');
    size ??= inherited([rPr, ...defaults], 'sz');
    let text = textOf(child(node, 'a:t'));
    if ((numberAttr(rPr, 'baseline') ?? 0) > 0 && /^\d+$/.test(text.trim())) {
      // A superscript number is a footnote marker: written as the house's ¹ ² ³.
      text = text.replace(/\d/g, (digit) => SUPERSCRIPT_DIGITS[Number(digit)] ?? digit);
    }
    const link = hyperlink(rPr, context);
    appendText(runs, text, { bold, italic, ...(link && { link }) });
  }
  return { runs, level, bullet: bulletOf(levelStyles), size: size === undefined ? undefined : size / 100 };
}

/** Adds text, merged into the last run when its formatting is the same. */
function appendText(runs: Run[], text: string, format: Omit<Run, 'text'>): void {
  if (text === '') return;
  const last = runs.at(-1);
  if (last && last.bold === format.bold && last.italic === format.italic && last.link === format.link) {
    last.text += text;
    return;
  }
  runs.push({ text, ...format });
}

function flag(rPr: XmlElement | undefined, defaults: readonly (XmlElement | undefined)[], name: string): boolean {
  const value = [rPr, ...defaults].map((element) => attr(element, name)).find((found) => found !== undefined);
  return value === '1' || value === 'true';
}

function inherited(elementsNearestFirst: readonly (XmlElement | undefined)[], name: string): number | undefined {
  for (const element of elementsNearestFirst) {
    const value = numberAttr(element, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The nearest bullet setting: `a:buNone`, a character or picture bullet, or automatic numbering. */
function bulletOf(levelStyles: readonly (XmlElement | undefined)[]): Paragraph['bullet'] {
  for (const style of levelStyles) {
    for (const node of elements(style)) {
      if (node.name === 'a:buNone') return 'none';
      if (node.name === 'a:buAutoNum') return 'number';
      if (node.name === 'a:buChar' || node.name === 'a:buBlip') return 'bullet';
    }
  }
  return 'none';
}

function hyperlink(rPr: XmlElement | undefined, context: TextContext): string | undefined {
  const id = attr(child(rPr, 'a:hlinkClick'), 'r:id');
  if (!id) return undefined;
  const rel = context.relationships.get(id);
  if (!rel) return undefined;
  if (rel.external && /^(https?:|mailto:)/i.test(rel.target)) return rel.target;
  context.onOtherLink(rel.external ? rel.target : rel.part);
  return undefined;
}

/** All the text of an element's paragraphs, one line a paragraph (chart titles, SmartArt points). */
export function plainText(element: XmlElement | undefined): string {
  if (!element) return '';
  const lines: string[] = [];
  const visit = (node: XmlElement) => {
    if (node.name === 'a:p') {
      lines.push(
        elements(node)
          .map((part) => (part.name === 'a:br' ? '\n' : textOf(child(part, 'a:t'))))
          .join(''),
      );
      return;
    }
    for (const next of elements(node)) visit(next);
  };
  visit(element);
  return lines.filter((line) => line.trim() !== '').join('\n');
}
