import { z } from 'zod';
import type { FootnoteMarker } from '../deck/types';
import { defineRule } from './rule';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export default defineRule({
  id: 'footnote-sources',
  description: 'On each slide, every footnote marker (`¹`, `<sup>1</sup>`) has a source line starting with it, and every source line has a marker.',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'house',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      const sourced = new Set(slide.footnoteSources.map((source) => source.marker));
      const used = new Set(slide.footnoteMarkers.map((marker) => marker.marker));
      for (const marker of slide.footnoteMarkers) {
        if (sourced.has(marker.marker)) continue;
        const shown = superscript(marker.marker);
        context.report({
          message: `Footnote marker ${shown} has no source on this slide: add a line starting with \`${shown}\` that gives the source.`,
          range: marker.range,
        });
      }
      const seen = new Set<string>();
      for (const source of slide.footnoteSources) {
        const shown = superscript(source.marker);
        if (!used.has(source.marker)) {
          context.report({
            message: `Source line ${shown} is not used: add the marker ${shown} where the sourced text is on this slide, or delete the line.`,
            range: source.range,
          });
        } else if (seen.has(source.marker)) {
          context.report({
            message: `Source line ${shown} is given twice on this slide: keep one line for each marker.`,
            range: source.range,
          });
        }
        seen.add(source.marker);
      }
    }
  },
});

/** `12` as `¹²`, the form authors see in the text whichever way they wrote the marker. */
function superscript(marker: FootnoteMarker['marker']): string {
  return [...marker].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)] ?? digit).join('');
}
