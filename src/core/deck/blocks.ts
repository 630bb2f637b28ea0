import type { MarkdownToken } from './markdown-token';

/**
 * Whether a block that runs until a closing line (front-matter, a code fence, an HTML
 * comment, a `<style>` element) was closed. An unclosed one runs to the end of the deck (or of its list item or
 * blockquote), taking in everything after it: text inserted after it would land inside it.
 */
export function isUnclosedBlock(token: MarkdownToken, lines: readonly string[]): boolean {
  // Asked of every token while a deck is built: the other kinds return before any line is read.
  if (!BLOCK_TYPES.has(token.type)) return false;
  const [start, end] = token.map ?? [0, 0];
  const last = lines[end - 1] ?? '';
  switch (token.type) {
    case 'fence':
      return end - start < 2 || !isClosingFence(last.trim(), token.markup);
    case 'marpit_comment':
      return !last.includes('-->');
    case 'marpit_style':
      return !last.toLowerCase().includes('</style>');
    case 'marp_math_block': {
      // A `$$` block ends at a line ending in `$$` (its own first line when written `$$ … $$`).
      const closing = last.trim();
      return !closing.endsWith('$$') || (end - start < 2 && closing.length < 4);
    }
    case 'front_matter':
      return end - start < 2 || !closesFrontMatter(last, openerDashes(lines[start] ?? ''));
    default:
      return false;
  }
}

const BLOCK_TYPES: ReadonlySet<string> = new Set(['fence', 'marpit_comment', 'marpit_style', 'marp_math_block', 'front_matter']);

/** A closing fence: the opening's character only, at least as many. */
function isClosingFence(line: string, opening: string): boolean {
  const marker = opening[0];
  if (marker === undefined || line.length < opening.length) return false;
  for (const char of line) if (char !== marker) return false;
  return true;
}

/** The dashes a first line opens front-matter with (three or more, as markdown-it-front-matter reads it), or 0. */
function openerDashes(line: string): number {
  let count = 0;
  while (line[count] === '-') count++;
  return count >= 3 ? count : 0;
}

/** A line that closes front-matter opened with `dashes` dashes: at least as many, then spaces only; or `...`. */
function closesFrontMatter(line: string, dashes: number): boolean {
  const text = line.replace(/^[ \t]*/, '');
  if (line.length - text.length >= 4) return false;
  if (text.trimEnd() === '...') return true;
  let count = 0;
  while (text[count] === '-') count++;
  if (count < dashes) return false;
  for (let at = count; at < text.length; at++) if (text[at] !== ' ') return false;
  return true;
}

/**
 * The lines front-matter takes (`[0, end)`), as Marp reads it: a first line of three or more
 * dashes, up to the first line that closes it, or, when none does, to the end of the text.
 * Undefined when the text opens with no front-matter.
 */
export function frontMatterLines(lines: readonly string[]): { end: number; closed: boolean } | undefined {
  const dashes = openerDashes(lines[0] ?? '');
  if (dashes === 0) return undefined;
  for (let index = 1; index < lines.length; index++) {
    if (closesFrontMatter(lines[index]!, dashes)) return { end: index + 1, closed: true };
  }
  return { end: lines.length, closed: false };
}
