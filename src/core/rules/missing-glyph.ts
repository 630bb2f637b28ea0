import { z } from 'zod';
import { rangeOf } from '../deck/source-text';
import { inHouseFont } from './helpers/house-font';
import { defineRule } from './rule';

/**
 * Characters the house font is not asked to draw: white space and invisible format
 * characters (soft hyphen, joiners, variation selectors), and emoji, which Marp draws as
 * pictures (and the PDF with an emoji font).
 */
// eslint-disable-next-line no-misleading-character-class -- the keycap mark and variation selectors are listed to be matched alone
const NOT_DRAWN_IN_THE_FONT = /[\s\p{Cf}\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u20E3\uFE0E\uFE0F]/u;
/** Inline maths (`$…$`), drawn in KaTeX's fonts. */
const INLINE_MATH = /\$[^$\n]+\$/g;

function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The characters of a prose line the house font lacks: each one once, at its first place on the line. */
function missingOn(text: string): { character: string; at: number }[] {
  const prose = text.includes('$') ? text.replace(INLINE_MATH, (math) => ' '.repeat(math.length)) : text;
  const found = new Map<string, number>();
  let at = 0;
  for (const character of prose) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint > 0x7e && !found.has(character) && !inHouseFont(codePoint) && !NOT_DRAWN_IN_THE_FONT.test(character)) found.set(character, at);
    at += character.length;
  }
  return [...found].map(([character, index]) => ({ character, at: index }));
}

export default defineRule({
  id: 'missing-glyph',
  description: 'Every character of the slides is in the house font (Carlito as bundled), so PDF and HTML draw it in the house font.',
  defaultSeverity: 'warning',
  fixable: false,
  // The font is the house theme's: a deck in another theme draws in that theme's fonts.
  scope: 'house',
  options: z.object({}),
  check(context) {
    context.deck.proseLines.forEach((text, offset) => {
      // eslint-disable-next-line no-control-regex -- all of ASCII, control characters included: Carlito draws or skips them all
      if (/^[\x00-\x7e]*$/.test(text)) return;
      const line = offset + 1;
      for (const { character, at } of missingOn(text)) {
        context.report({
          message:
            `The character “${character}” (${codePointName(character.codePointAt(0)!)}) is not in the house font: ` +
            'PDF and HTML draw it in another font the computer has, or as an empty box. Use a character the font has, or words.',
          range: rangeOf(line, at + 1, line, at + 1 + character.length),
        });
      }
    });
  },
});
