/**
 * Raw HTML with the house default, `html` off: Marp would show a tag as its text (`<b>`), so
 * the house renderer leaves tags out of the slide and keeps the text between them; `<br>`
 * becomes a line break, as the author meant (a newline, which Marp draws as a break). A bare
 * `<sub>…</sub>` or `<sup>…</sup>` around plain text (`H<sub>2</sub>O`, the house footnote
 * marker `<sup>1</sup>`) stays for the house plugin to draw as a real subscript or
 * superscript. The `raw-html` rule names each tag left out.
 *
 * Done on each inline token's source before markdown-it parses it, with the same scanner the
 * rule uses, so a tag split by Markdown (`<a title="*x*">`) is still one tag.
 */
import { findInlineHtmlTags, isTypographicPair } from '../deck/html-tags';
import type { MarkdownIt, MdCoreState, MdToken } from './markdown-it-types';

/**
 * Whether only spaces stand between `at` and the end of the line: a `<br>` there adds nothing,
 * as Marp draws every line break of a paragraph (markdown-it's `breaks`).
 */
function endsLine(text: string, at: number): boolean {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  return at === text.length || text[at] === '\n';
}

/** `text` without its tags; `undefined` when it has none. */
export function stripHtmlTags(text: string): string | undefined {
  const tags = findInlineHtmlTags(text);
  if (tags.length === 0) return undefined;
  let result = '';
  let last = 0;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (isTypographicPair(text, tag, tags[i + 1])) {
      i++; // and its closing tag: the house plugin draws the pair
      continue;
    }
    result += text.slice(last, tag.start) + (tag.name === 'br' && !endsLine(text, tag.end) ? '\n' : '');
    last = tag.end;
  }
  return result + text.slice(last);
}

function stripRule(state: MdCoreState): void {
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as MdToken;
    if (token.type !== 'inline' || !token.content.includes('<')) continue;
    const stripped = stripHtmlTags(token.content);
    if (stripped === undefined) continue;
    token.content = stripped;
    // A paragraph that held only tags (`<div>` on a line of its own) is not drawn.
    const open = tokens[i - 1];
    const close = tokens[i + 1];
    if (token.content.trim() === '' && open?.type === 'paragraph_open' && close?.type === 'paragraph_close') open.hidden = close.hidden = true;
  }
}

/** Leaves raw HTML tags out when the Marp instance draws no raw HTML (`html: false`). */
export function rawHtmlPlugin(md: MarkdownIt & { options: { html?: unknown } }): void {
  if (md.options.html) return;
  md.core.ruler.before('inline', 'isdeck_strip_html', stripRule);
}
