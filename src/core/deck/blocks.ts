import type { MarkdownToken } from './parse';

/**
 * Whether a block that runs until a closing line (front-matter, a code fence, an HTML
 * comment, a `<style>` element) was closed. An unclosed one runs to the end of the deck (or of its list item or
 * blockquote), taking in everything after it: text inserted after it would land inside it.
 */
export function isUnclosedBlock(token: MarkdownToken, lines: readonly string[]): boolean {
  const [start, end] = token.map ?? [0, 0];
  const last = lines[end - 1] ?? '';
  switch (token.type) {
    case 'fence':
      return end - start < 2 || !isClosingFence(last.trim(), token.markup);
    case 'marpit_comment':
      return !last.includes('-->');
    case 'marpit_style':
      return !last.toLowerCase().includes('</style>');
    case 'front_matter':
      return end - start < 2 || last.trimEnd() !== '---';
    default:
      return false;
  }
}

/** A closing fence: the opening's character only, at least as many. */
function isClosingFence(line: string, opening: string): boolean {
  const marker = opening[0];
  if (marker === undefined || line.length < opening.length) return false;
  for (const char of line) if (char !== marker) return false;
  return true;
}
