import hljs from 'highlight.js/lib/common';
import { BRAND_COLOURS } from './brand';
import { LINE_HEIGHT, POINTS_PER_INCH } from './fit';

/**
 * Code blocks: monospace text on the theme's stripe background, coloured by the tokens of
 * highlight.js (the highlighter Marp's HTML uses; its `common` set of 36 languages), mapped
 * to a small palette of house colours, sized so the longest line fits the box.
 */

/** Office's monospace font (LibreOffice draws it in a metric-compatible or close mono font). */
export const CODE_FONT = 'Consolas';
/** Advance of a monospace character, in em (Consolas 0.55, DejaVu Sans Mono 0.6: the wider is used). */
const CHAR_EM = 0.6;
/** Padding inside the code box, in inches. */
export const CODE_PADDING = { x: 0.14, y: 0.1 };
/** Code is set smaller than the text around it, as in the theme (`pre { font-size: 0.7em }` of body text, rounded up). */
const CODE_SCALE = 0.8;
/** Smallest code size in points before long lines wrap. */
const CODE_MIN = 9;

export interface CodeToken {
  text: string;
  color: string;
  bold: boolean;
  italic: boolean;
}

interface TokenStyle {
  color: string;
  bold?: boolean;
  italic?: boolean;
}

const PLAIN: TokenStyle = { color: BRAND_COLOURS.ink };

/** highlight.js scopes (class `hljs-…`) and their house colour. */
const PALETTE: Record<string, TokenStyle> = {
  keyword: { color: BRAND_COLOURS.navy, bold: true },
  built_in: { color: BRAND_COLOURS.navy },
  literal: { color: BRAND_COLOURS.navy, bold: true },
  type: { color: BRAND_COLOURS.navy },
  'selector-tag': { color: BRAND_COLOURS.navy, bold: true },
  name: { color: BRAND_COLOURS.navy, bold: true },
  string: { color: BRAND_COLOURS.benefit },
  regexp: { color: BRAND_COLOURS.benefit },
  symbol: { color: BRAND_COLOURS.benefit },
  addition: { color: BRAND_COLOURS.benefit },
  comment: { color: BRAND_COLOURS.muted, italic: true },
  quote: { color: BRAND_COLOURS.muted, italic: true },
  meta: { color: BRAND_COLOURS.muted },
  number: { color: BRAND_COLOURS.risk },
  deletion: { color: BRAND_COLOURS.risk },
  title: { color: BRAND_COLOURS.teal },
  section: { color: BRAND_COLOURS.teal, bold: true },
  'selector-class': { color: BRAND_COLOURS.teal },
  'selector-id': { color: BRAND_COLOURS.teal },
  attr: { color: '6B4C9A' },
  attribute: { color: '6B4C9A' },
  property: { color: '6B4C9A' },
  variable: { color: '6B4C9A' },
  params: { color: '6B4C9A' },
  'template-variable': { color: '6B4C9A' },
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** The style of the innermost scope that has one (`hljs-title function_` → `title`). */
function styleOf(scopes: readonly string[]): TokenStyle {
  for (let index = scopes.length - 1; index >= 0; index--) {
    for (const name of scopes[index]!.split(/\s+/)) {
      const style = PALETTE[name.replace(/^hljs-/, '')];
      if (style) return style;
    }
  }
  return PLAIN;
}

/**
 * The code's lines as coloured tokens. A language highlight.js knows is highlighted;
 * any other (or none) is plain text, as Marp draws it.
 */
export function highlightCode(code: string, language: string): CodeToken[][] {
  const known = language !== '' && hljs.getLanguage(language) !== undefined;
  const html = known ? hljs.highlight(code, { language, ignoreIllegals: true }).value : hljs.highlight(code, { language: 'plaintext' }).value;
  const lines: CodeToken[][] = [[]];
  const scopes: string[] = [];
  for (const match of html.matchAll(/<span class="([^"]*)">|<\/span>|([^<]+)/g)) {
    if (match[1] !== undefined) scopes.push(match[1]);
    else if (match[2] === undefined) scopes.pop();
    else {
      const style = styleOf(scopes);
      decode(match[2]).split('\n').forEach((piece, index) => {
        if (index > 0) lines.push([]);
        if (piece !== '') lines.at(-1)!.push({ text: piece, color: style.color, bold: style.bold ?? false, italic: style.italic ?? false });
      });
    }
  }
  return lines;
}

/** Columns of the longest line (tabs as two spaces, as Marp's theme sets `tab-size`). */
function longestLine(code: string): number {
  return Math.max(1, ...code.split('\n').map((line) => [...line.replace(/\t/g, '  ')].length));
}

/** The size code is drawn at beside text of `textSize`: smaller, and small enough for its longest line to fit `width` (down to a floor). */
export function codeFontSize(code: string, width: number, textSize: number): number {
  const inner = Math.max(0.5, width - 2 * CODE_PADDING.x);
  const fitting = (inner * POINTS_PER_INCH) / (longestLine(code) * CHAR_EM);
  return Math.max(CODE_MIN, Math.min(Math.round(textSize * CODE_SCALE * 2) / 2, Math.floor(fitting * 2) / 2));
}

/** Height in inches of a code box `width` wide beside text of `textSize`: lines that still do not fit wrap. */
export function codeHeight(code: string, width: number, textSize: number): number {
  const size = codeFontSize(code, width, textSize);
  const perLine = Math.max(1, Math.floor(((width - 2 * CODE_PADDING.x) * POINTS_PER_INCH) / (size * CHAR_EM)));
  const lines = code.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / perLine)), 0);
  return (lines * size * LINE_HEIGHT) / POINTS_PER_INCH + 2 * CODE_PADDING.y;
}
