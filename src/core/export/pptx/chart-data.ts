import { chartDataFromTable } from '../../chart-data';
import type { Table } from '../../deck/types';
import { displayText } from './content';

/** A chart slide's table as pptxgenjs chart data, with what the labels should show. */
export interface PptxChartData {
  series: { name: string; labels: string[]; values: number[] }[];
  /** Excel number format for value labels: `0"%"` when the cells are percentages, `"£"#,##0.##` for pounds. */
  formatCode: string;
  /** Cells that were not numbers (drawn as 0), as `row label / column` for a warning. */
  invalid: string[];
}

/** The shared chart reading of a table (the renderer's and the `chart-table` rule's), for pptxgenjs. */
export function chartData(table: Table): PptxChartData {
  const header = table.header.cells.map((cell) => displayText(cell.text));
  const rows = table.rows.map((row) => row.cells.map((cell) => displayText(cell.text)));
  const data = chartDataFromTable(header, rows);
  if (!data) return { series: [], formatCode: '#,##0', invalid: [] };
  const invalid: string[] = [];
  const series = data.series.map(({ name, values }) => ({
    name,
    labels: data.categories,
    values: values.map((value, row) => {
      if (value === undefined) invalid.push(`${data.categories[row] || `row ${row + 1}`} / ${name}: "${(rows[row]?.[header.indexOf(name)] ?? '').trim()}"`);
      return value?.value ?? 0;
    }),
  }));
  const numeric = data.series.flatMap((s) => s.values).filter((value) => value !== undefined);
  const number = numeric.some((value) => /\.\d/.test(value.text)) ? '#,##0.0##' : '#,##0';
  let formatCode = number;
  if (numeric.length > 0 && numeric.every((value) => value.suffix === '%')) formatCode = `${number}"%"`;
  else if (numeric.length > 0 && numeric.every((value) => value.prefix === '£')) formatCode = `"£"${number}`;
  return { series, formatCode, invalid };
}
