import { z } from 'zod';
import type { CoverFields, Slide, SourceRange, TextSpan } from '../deck/types';
import { checkCoverDate } from './helpers/dates';
import { editableSpan } from './helpers/source-edits';
import { defineRule, type RuleContext } from './rule';

type Field = Exclude<keyof CoverFields, 'partTitle' | 'agenda'>;

/** What to write and where, for each required field, in the order the cover shows them. */
const MISSING: Array<{ field: Field; message: string; near?: Field }> = [
  {
    field: 'series',
    message: 'The cover has no series: put the series (for example `Elected Members Masterclass`) on the first line of the first paragraph, above the `#` deck title.',
  },
  {
    field: 'date',
    near: 'series',
    message: 'The cover has no date: put it on the line after the series, in the same paragraph, as `dd/mm/yyyy`.',
  },
  { field: 'deckTitle', message: 'The cover has no deck title: add it as a `#` heading after the series and date.' },
  {
    field: 'presenter',
    message: "The cover has no presenter: put the presenter's name on the first line of the last paragraph, after the deck title.",
  },
  {
    field: 'organisation',
    near: 'presenter',
    message: 'The cover has no organisation: put it on the line after the presenter, in the same paragraph.',
  },
];

const HOUSE_DATE_FORMS = '`dd/mm/yy` or `dd/mm/yyyy`';

export default defineRule({
  id: 'cover-fields',
  description:
    'Every cover has a series, a real calendar date in `dd/mm/yy` or `dd/mm/yyyy`, a `#` deck title, a presenter and an organisation.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      const cover = slide.cover;
      if (slide.type !== 'cover' || !cover) continue;
      for (const { field, message, near } of MISSING) {
        if (cover[field] !== undefined) continue;
        context.report({ message, range: nearRange(slide, near && cover[near]) });
      }
      if (cover.date) checkDate(context, cover.date);
    }
  },
});

function nearRange(slide: Slide, near: TextSpan | undefined): SourceRange {
  return near?.range ?? slide.anchor;
}

function checkDate(context: RuleContext<unknown>, date: TextSpan): void {
  const result = checkCoverDate(date.text);
  switch (result.kind) {
    case 'valid':
      return;
    case 'not-a-calendar-date':
      context.report({
        message: `The cover date \`${date.text}\` is not a real calendar date: check the day and the month (${HOUSE_DATE_FORMS}).`,
        range: date.range,
      });
      return;
    case 'not-a-date':
      context.report({
        message: `The cover date \`${date.text}\` is not a date in the form ${HOUSE_DATE_FORMS}: write it as, for example, \`24/03/2010\`.`,
        range: date.range,
      });
      return;
    case 'other-form': {
      const span = editableSpan(context.deck.lines, date);
      const fixable = span !== undefined && span.source.trim() === date.text;
      context.report({
        message: `The cover date \`${date.text}\` is not in the form ${HOUSE_DATE_FORMS}: write it as \`${result.normalised}\`.`,
        range: date.range,
        ...(fixable && {
          fix: { description: `Write the date as \`${result.normalised}\``, edits: [{ range: span.range, newText: result.normalised }] },
        }),
      });
      return;
    }
  }
}
