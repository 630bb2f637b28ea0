import { rangeOf } from './source-text';
import type { SourceRange } from './types';

/** `![alt](path "title")`, with the path bare or in angle brackets. */
const INLINE_IMAGE = /!\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>\n]*>|(?:[^\s()\\]|\\.)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;

export interface WrittenImage {
  /** The path as the author wrote it: angle brackets unwrapped, escapes and `%20` decoded. */
  src: string;
  alt: string;
  /** `![alt](path "title")` as a whole. */
  range: SourceRange;
  /** The path as written (inside `<…>` when written so). */
  pathRange: SourceRange;
}

/**
 * The inline images (`![alt](path)`) written on lines `first`…`last` (1-based), in source
 * order. markdown-it gives images no positions and normalises their paths, so the model
 * pairs its image tokens, in order, with these.
 */
export function writtenImages(lines: readonly string[], first: number, last: number): WrittenImage[] {
  const images: WrittenImage[] = [];
  for (let line = first; line <= last; line++) {
    const text = lines[line - 1] ?? '';
    if (!text.includes('![')) continue;
    for (const match of text.matchAll(INLINE_IMAGE)) {
      images.push({ src: decodePath(unwrap(match[2] ?? '')), alt: unescape(match[1] ?? ''), ...partsOf(line, text, match) });
    }
  }
  return images;
}

function partsOf(line: number, text: string, match: RegExpMatchArray): { range: SourceRange; pathRange: SourceRange } {
  const at = match.index ?? 0;
  const written = match[2] ?? '';
  const pathAt = text.indexOf(written, at + 2 + (match[1]?.length ?? 0) + 2);
  return {
    range: rangeOf(line, at + 1, line, at + 1 + match[0].length),
    pathRange: rangeOf(line, pathAt + 1, line, pathAt + 1 + written.length),
  };
}

function unwrap(path: string): string {
  return unescape(path.startsWith('<') && path.endsWith('>') ? path.slice(1, -1) : path);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Drops Markdown's backslash escapes (`\_` is `_`) and decodes the common character references (`&amp;`). */
function unescape(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
      const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : undefined;
      if (code === undefined) return ENTITIES[name!.toLowerCase()] ?? whole;
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}

/** A path with its URL-encoding undone (`%20` is a space); a malformed escape is left as written. */
export function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** A model image path (already decoded) as shown in a message: a `data:` URL or a very long path shortened. */
export function displayPath(src: string): string {
  if (src.startsWith('data:')) return `${src.slice(0, src.indexOf(',') + 1 || 20)}…`;
  return src.length > 80 ? `${src.slice(0, 79)}…` : src;
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The local file path of a model image (`Image.src`, already decoded), less any `?query` or
 * `#fragment`; `undefined` for a URL (`https:`, `data:`, `//host`) or an in-page `#anchor`.
 */
export function localImagePath(src: string): string | undefined {
  const trimmed = src.trim();
  if (URL_LIKE.test(trimmed) || trimmed.startsWith('#')) return undefined;
  return trimmed.replace(/[?#].*$/, '');
}
