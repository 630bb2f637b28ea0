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

const VALUE_PATTERN =
  /^(?<sign1>[-+\u2212])?(?<prefix>£)?\s?(?<sign2>[-+\u2212])?(?<digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s?(?<suffix>%)?$/u;

/**
 * Reads a chart table cell as a number. Accepts an optional sign (`-`, `+`, `−`), an
 * optional `£` before the digits, thousands commas (`1,234`), a decimal point and an
 * optional `%` after: `79`, `64%`, `£3.5`, `-£1,200`, `£-3`, `+2.5%`. Anything else
 * (empty, `n/a`, `3bn`, `1.2.3`, `12 345`, `£%`) is `undefined`.
 */
export function parseChartValue(cell: string): ChartValue | undefined {
  const text = cell.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const match = VALUE_PATTERN.exec(text);
  if (!match?.groups) return undefined;
  const { sign1, sign2, prefix = '', digits = '', suffix = '' } = match.groups;
  if (sign1 && sign2) return undefined;
  const sign = sign1 ?? sign2;
  const magnitude = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(magnitude)) return undefined;
  const negative = sign === '-' || sign === '\u2212';
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
