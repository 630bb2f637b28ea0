import { z } from 'zod';
import { rangeOf } from '../deck/source-text';
import { ukSpelling } from './helpers/uk-spellings';
import { defineRule } from './rule';

const WORD = /[A-Za-z]+/g;

/** US spellings found on a line of prose (non-prose blanked), by the line's text: an edit re-reads only the lines it changed. */
const usWordsByLine = new Map<string, ReadonlyArray<{ word: string; at: number; uk: string }>>();
const MAX_REMEMBERED_LINES = 50_000;

function usWordsOn(text: string): ReadonlyArray<{ word: string; at: number; uk: string }> {
  let found = usWordsByLine.get(text);
  if (found) return found;
  const words: { word: string; at: number; uk: string }[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const at = match.index ?? 0;
    const uk = ukSpelling(word);
    if (uk !== undefined) words.push({ word, at, uk });
  }
  found = words;
  if (usWordsByLine.size >= MAX_REMEMBERED_LINES) usWordsByLine.clear();
  usWordsByLine.set(text, found);
  return found;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export default defineRule({
  id: 'uk-spelling',
  description: 'Prose uses UK spellings (organisation, programme, centre, colour, behaviour, prioritise, …), outside code.',
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'any',
  options: z.object({
    /** Words to leave alone, whatever their case (a name such as `Lincoln Center`'s `Center`). */
    allow: z.array(z.string()).default([]).describe('Words to leave alone, compared case-insensitively.'),
  }),
  check(context) {
    const allowed = new Set(context.options.allow.map((word) => word.toLowerCase()));
    const { lines } = context.deck;
    context.deck.proseLines.forEach((text, offset) => {
      const line = offset + 1;
      for (const { word, at, uk } of usWordsOn(text)) {
        // Joined to what stands next to it in the source, even where that is not prose (`my_color`).
        if (allowed.has(word.toLowerCase()) || isPartOfToken(lines[offset] ?? '', at, at + word.length)) continue;
        const range = rangeOf(line, at + 1, line, at + 1 + word.length);
        context.report({
          message: `\`${word}\` is a US spelling: use the UK spelling \`${uk}\`.`,
          range,
          fix: { description: `Change \`${word}\` to \`${uk}\``, edits: [{ range, newText: uk }] },
        });
      }
    });
  },
});

/**
 * A word joined to letters, digits, `@` or `/` is part of a name, address or path
 * (`x.color`, `organization.org`, `my_program`, `center@x.org`), not prose.
 */
function isPartOfToken(text: string, start: number, end: number): boolean {
  return joined(text[start - 1], text[start - 2]) || joined(text[end], text[end + 1]);
}

/** `inner` touches the word; `outer` is the character beyond it. */
function joined(inner: string | undefined, outer: string | undefined): boolean {
  if (inner === undefined) return false;
  if (WORD_CHARACTER.test(inner) || inner === '@' || inner === '/' || inner === '\\') return true;
  return (inner === '.' || inner === '_') && outer !== undefined && WORD_CHARACTER.test(outer);
}
