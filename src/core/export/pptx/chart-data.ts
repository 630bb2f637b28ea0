import type { Table } from '../../deck/types';
import { parseChartValue } from '../../rules/helpers/chart-values';
import { displayText } from './content';

/** A chart slide's table as pptxgenjs chart data, with what the labels should show. */
export interface PptxChartData {
  series: { name: string; labels: string[]; values: number[] }[];
  /** Excel number format for value labels: `0"%"` when the cells are percentages, `"£"#,##0.##` for pounds. */
  formatCode: string;
  /** Cells that were not numbers (drawn as 0), as `row label / column` for a warning. */
  invalid: string[];
}

/**
 * Labels from the first column, one series per other column, values read with
 * `parseChartValue` (the same reading as the `chart-table` rule).
 */
export function chartData(table: Table): PptxChartData {
  const labels = table.rows.map((row) => displayText(row.cells[0]?.text ?? '').trim());
  const columns = Math.max(table.header.cells.length, ...table.rows.map((row) => row.cells.length));
  const invalid: string[] = [];
  const cells: string[] = [];
  const series = Array.from({ length: Math.max(0, columns - 1) }, (_, offset) => {
    const column = offset + 1;
    const name = displayText(table.header.cells[column]?.text ?? '').trim() || `Series ${column}`;
    const values = table.rows.map((row, rowIndex) => {
      const text = row.cells[column]?.text ?? '';
      cells.push(text.trim());
      const value = parseChartValue(text);
      if (value === undefined) invalid.push(`${labels[rowIndex] || `row ${rowIndex + 1}`} / ${name}: "${text.trim()}"`);
      return value ?? 0;
    });
    return { name, labels, values };
  });
  const numeric = cells.filter((cell) => parseChartValue(cell) !== undefined);
  const decimals = numeric.some((cell) => /\.\d/.test(cell));
  const number = decimals ? '#,##0.0##' : '#,##0';
  let formatCode = number;
  if (numeric.length > 0 && numeric.every((cell) => cell.endsWith('%'))) formatCode = `${number}"%"`;
  else if (numeric.length > 0 && numeric.every((cell) => cell.includes('£'))) formatCode = `"£"${number}`;
  return { series, formatCode, invalid };
}
