/**
 * Code highlighting for fenced code blocks: highlight.js (the highlighter marp-core 4 used;
 * marp-core 5 leaves highlighting to a plugin), with its common languages. A block names its
 * language (```js); a block without one, or with a language highlight.js does not know, is
 * drawn plain. The theme colours highlight.js's token classes (`hljs-keyword`, …) from the
 * house palette; the PowerPoint export can read the same tokens.
 */
import hljs from 'highlight.js/lib/common';

/** The highlighted HTML of `code` (its text escaped, tokens in `<span class="hljs-…">`), or `''` to draw it plain. */
export function highlightCode(code: string, lang: string): string {
  const language = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (language === '' || !hljs.getLanguage(language)) return '';
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
