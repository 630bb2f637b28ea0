/**
 * A markdown-it token as the deck model reads it; its own module so that the readers of tokens
 * (blocks, prose) do not import the parser that hands them over.
 */
export interface MarkdownToken {
  type: string;
  tag: string;
  map: [number, number] | null;
  content: string;
  markup: string;
  /** A fence's info string (its language word first). */
  info: string;
  children: MarkdownToken[] | null;
  meta: Record<string, unknown> | null;
  attrGet(name: string): string | null;
}
