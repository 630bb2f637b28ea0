import { z } from 'zod';
import type { CoverFields, Deck, Slide, TextSpan } from '../deck/types';
import { editableSpan } from './helpers/source-edits';
import { defineRule, type RuleContext } from './rule';

type RepeatedField = 'series' | 'date' | 'deckTitle' | 'presenter' | 'organisation';

const REPEATED: Array<{ field: RepeatedField; label: string }> = [
  { field: 'series', label: 'series' },
  { field: 'date', label: 'date' },
  { field: 'deckTitle', label: 'deck title' },
  { field: 'presenter', label: 'presenter' },
  { field: 'organisation', label: 'organisation' },
];

export default defineRule({
  id: 'covers-consistent',
  description:
    "Every cover repeats the first cover's series, date, deck title, presenter and organisation; a cover after the first part has a `##` part title.",
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    const { deck } = context;
    const covers = deck.slides.filter((slide): slide is Slide & { cover: CoverFields } => slide.type === 'cover' && slide.cover !== undefined);
    const [first, ...later] = covers;
    if (!first) return;
    const firstPart = new Set(deck.parts[0]?.slideIndices ?? []);
    for (const slide of later) {
      for (const { field, label } of REPEATED) compareField(context, label, first.cover[field], slide.cover[field]);
      if (slide.cover.partTitle === undefined && !firstPart.has(slide.index)) {
        context.report({
          message:
            'This cover comes after the first part but has no part title: add a `## Part title` under the `#` deck title; without one it does not start a new part.',
          range: slide.anchor,
        });
      }
    }
  },
});

/** Missing fields are cover-fields' to report; here only two present values that differ. */
function compareField(context: RuleContext<unknown>, label: string, expected: TextSpan | undefined, actual: TextSpan | undefined): void {
  if (!expected || !actual || expected.text === actual.text) return;
  const { deck } = context;
  const edit = replacement(deck, label, expected, actual);
  context.report({
    message: `The ${label} \`${actual.text}\` differs from the first cover's \`${expected.text}\` (line ${expected.range.line}): every cover repeats the same ${label}.`,
    range: actual.range,
    ...(edit && { fix: { description: `Use the first cover's ${label} \`${expected.text}\``, edits: [edit] } }),
  });
}

/** The later field's source becomes the first cover's source, markup and all; headings only as ATX headings. */
function replacement(deck: Deck, label: string, expected: TextSpan, actual: TextSpan) {
  const from = editableSpan(deck.lines, expected);
  const to = editableSpan(deck.lines, actual);
  if (!from || !to) return undefined;
  if (label === 'deck title' && !(from.source.startsWith('# ') && to.source.startsWith('# '))) return undefined;
  return { range: to.range, newText: from.source };
}
