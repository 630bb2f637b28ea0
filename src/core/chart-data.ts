/**
 * A chart slide's table as data: shared by the HTML chart, the validator's `chart-table`
 * rule and the PowerPoint exporter's native chart, so all three read a cell the same way.
 */

export interface ChartValue {
  /** The number the bar is drawn to (`£1,200.5` → 1200.5, `-3%` → -3). */
  value: number;
  /** `£` when the cell had one, else empty. */
  prefix: string;
  /** `%` when the cell had one, else empty. */
  suffix: string;
  /** The cell as written (trimmed): used for value labels. */
  text: string;
}

const VALUE_PATTERN = /^([-\u2212]?)(£?)([-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)$/u;

/**
 * Reads a chart table cell as a number (docs/house-structure.md §3, the same grammar as the
 * validator's `chart-table` rule): digits with an optional decimal part, thousands commas in
 * groups of three, an optional minus (`-` or `−`, before or after a `£`), and either a `£`
 * prefix or a `%` suffix: `79`, `64%`, `£3.5`, `-£1,200`, `£-3`, `−12%`. Anything else
 * (empty, `n/a`, `3bn`, `1.2.3`, `12 345`, `+2`, `£5%`) is `undefined`.
 */
export function parseChartValue(cell: string): ChartValue | undefined {
  const text = cell.trim();
  const match = VALUE_PATTERN.exec(text);
  if (!match) return undefined;
  const [, signBefore = '', prefix = '', signAfter = '', whole = '', fraction = '', suffix = ''] = match;
  if (signBefore !== '' && signAfter !== '') return undefined;
  if (signAfter !== '' && prefix === '') return undefined;
  if (prefix !== '' && suffix !== '') return undefined;
  const magnitude = Number(`${whole.replace(/,/g, '')}${fraction}`);
  const negative = (signBefore !== '' || signAfter !== '') && magnitude !== 0;
  return { value: negative ? -magnitude : magnitude, prefix, suffix, text };
}

export interface ChartSeries {
  /** The column header. */
  name: string;
  /** One entry a category; `undefined` where the cell is not a number. */
  values: (ChartValue | undefined)[];
}

export interface ChartData {
  /** Header of the first (label) column. */
  labelHeader: string;
  /** First-column cells, one a row. */
  categories: string[];
  /** One series a value column. */
  series: ChartSeries[];
}

/**
 * Builds chart data from a table's plain-text cells: the first column holds the category
 * labels, every other column is a series. `undefined` when there is no value column or no
 * cell reads as a number (then the table is shown as it is).
 */
export function chartDataFromTable(header: readonly string[], rows: readonly (readonly string[])[]): ChartData | undefined {
  if (header.length < 2 || rows.length === 0) return undefined;
  const series: ChartSeries[] = header.slice(1).map((name, k) => ({
    name: name.trim() || `Series ${k + 1}`,
    values: rows.map((row) => parseChartValue(row[k + 1] ?? '')),
  }));
  if (!series.some((s) => s.values.some((v) => v !== undefined))) return undefined;
  return {
    labelHeader: (header[0] ?? '').trim(),
    categories: rows.map((row) => (row[0] ?? '').trim()),
    series,
  };
}
