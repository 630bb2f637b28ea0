import { z } from 'zod';
import { wholeLines } from './helpers/source-edits';
import type { Table } from '../deck/types';
import { defineRule, type Fix, type RuleContext } from './rule';

const HEADER = ['Benefits', 'Risks'] as const;

export default defineRule({
  id: 'benefits-risks-table',
  description: 'A `benefits-risks` slide has one table whose header is exactly `Benefits` and `Risks`, with no empty row.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      if (slide.type !== 'benefits-risks') continue;
      const [table, ...extra] = slide.tables;
      if (!table) {
        context.report({
          message: 'The benefits-risks slide has no table: add one with the header `| Benefits | Risks |` and a row for each pair.',
          range: slide.anchor,
        });
        continue;
      }
      for (const other of extra) {
        context.report({
          message: 'The benefits-risks slide has more than one table: put every benefit and risk in the first table.',
          range: other.range,
        });
      }
      checkHeader(context, table);
      checkRows(context, table);
    }
  },
});

function checkHeader(context: RuleContext<unknown>, table: Table): void {
  const cells = table.header.cells;
  const texts = cells.map((cell) => cell.text);
  if (texts.length === HEADER.length && texts.every((text, index) => text === HEADER[index])) return;
  const written = cells.map((cell) => (cell.raw === '' ? 'an empty cell' : `\`${cell.raw}\``)).join(', ');
  const caseOnly = texts.length === HEADER.length && texts.every((text, index) => text.toLowerCase() === HEADER[index]!.toLowerCase());
  const fix: Fix | undefined = caseOnly
    ? {
        description: 'Write the header as `Benefits` and `Risks`',
        edits: cells.map((cell, index) => ({ range: cell.range, newText: HEADER[index]! })),
      }
    : undefined;
  context.report({
    message: `The table header is ${written}; it must be exactly \`Benefits\` and \`Risks\`, in that order, two columns.`,
    range: table.header.range,
    ...(fix && { fix }),
  });
}

function checkRows(context: RuleContext<unknown>, table: Table): void {
  for (const row of table.rows) {
    const cells = row.cells;
    if (cells.some((cell) => cell.raw !== '')) continue;
    context.report({
      message: 'This table row is empty: fill in a benefit and a risk, or delete the row.',
      range: row.range,
      fix: {
        description: 'Delete the empty row',
        edits: [{ range: wholeLines(context.deck.lines, row.range.line, row.range.line), newText: '' }],
      },
    });
  }
}
