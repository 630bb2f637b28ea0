/**
 * The VS Code snippets file (`snippets/isdeck.code-snippets`), generated from the slide types'
 * declarations by `scripts/snippets.mjs` so that it never drifts from them (a test compares the
 * committed file with this output). The extension does not contribute it: its `is-…`
 * completions already offer the same slides (docs/decisions.md); the file is for editors and
 * set-ups without the extension, to copy into their own snippets.
 */
import { DECK_TEMPLATE, SLIDE_TEMPLATES } from '../slide-catalogue';

interface CodeSnippet {
  scope: string;
  prefix: string;
  description: string;
  body: readonly string[];
}

/**
 * A slide snippet starts with its own slide break: typed at the end of the last slide (where a
 * plain snippet goes; it cannot place itself after the current slide as the extension's
 * command does), it starts a new slide rather than joining the one above.
 */
const SLIDE_BREAK = ['---', ''] as const;

/** The snippets file's text: one snippet a slide type, in the house order, then the whole deck. */
export function codeSnippetsFile(): string {
  const snippets: Record<string, CodeSnippet> = {};
  for (const template of SLIDE_TEMPLATES) {
    snippets[`House slide: ${template.type}`] = { scope: 'markdown', prefix: template.prefix, description: template.description, body: [...SLIDE_BREAK, ...template.body] };
  }
  snippets['New house deck'] = { scope: 'markdown', prefix: DECK_TEMPLATE.prefix, description: DECK_TEMPLATE.description, body: DECK_TEMPLATE.body };
  return `${JSON.stringify(snippets, null, 2)}\n`;
}
