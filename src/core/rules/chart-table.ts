import { z } from 'zod';
import type { Table } from '../deck/types';
import { parseChartValue } from '../chart-data';
import { defineRule, type RuleContext } from './rule';

export default defineRule({
  id: 'chart-table',
  description:
    'A `chart` slide has one table with at least one data row: labels in the first column, numbers (`%` or `£` allowed) in the others.',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'house',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      if (slide.type !== 'chart') continue;
      const [table, ...extra] = slide.tables;
      if (!table) {
        context.report({
          message: 'The chart slide has no table: add one with labels in the first column and numbers in the others.',
          range: slide.anchor,
        });
        continue;
      }
      for (const other of extra) {
        context.report({
          message: 'The chart slide has more than one table: a chart is drawn from one table, so merge them or move one to its own slide.',
          range: other.range,
        });
      }
      checkTable(context, table);
    }
  },
});

function checkTable(context: RuleContext<unknown>, table: Table): void {
  const header = table.header.cells;
  if (header.length < 2) {
    context.report({
      message: 'The chart table has only a label column: add at least one column of numbers (one column for each data series).',
      range: table.header.range,
    });
    return;
  }
  if (table.rows.length === 0) {
    context.report({
      message: 'The chart table has no data rows: add a row for each bar, a label then its numbers.',
      range: table.range,
    });
    return;
  }
  for (const row of table.rows) {
    const cells = row.cells.slice(0, header.length);
    const label = cells[0];
    if (!label || label.raw === '') {
      context.report({ message: 'This chart row has no label: write the bar\'s label in the first column.', range: label?.range ?? row.range });
    }
    header.slice(1).forEach((column, offset) => {
      const cell = cells[offset + 1];
      const series = column.text === '' ? `column ${offset + 2}` : `\`${column.text}\``;
      if (!cell) {
        context.report({
          message: `This chart row has no value for ${series}: add a number cell.`,
          range: row.range,
        });
      } else if (cell.raw === '') {
        context.report({ message: `The value for ${series} is empty: write a number (0 if it is zero).`, range: cell.range });
      } else if (parseChartValue(cell.text) === undefined) {
        context.report({
          message: `The value \`${cell.raw}\` for ${series} is not a number: write a number such as \`64\`, \`56%\`, \`£1.1\` or \`1,200\`.`,
          range: cell.range,
        });
      }
    });
  }
}
