/**
 * The numbers a `chart` slide's value cells may hold (house-structure §3): digits with an
 * optional decimal part, thousands commas in groups of three, an optional leading minus, and
 * either a `£` prefix or a `%` suffix. Units are dropped: `64%` is 64, `£1.1` is 1.1.
 * A minus may stand before or after the `£` (`-£3.5`, `£-3.5`); the Unicode minus `−` counts.
 */
const CHART_VALUE = /^([-−]?)(£?)([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)$/;

/** The number in a chart cell, or `undefined` when the cell is not a chart value. */
export function parseChartValue(cell: string): number | undefined {
  const match = CHART_VALUE.exec(cell.trim());
  if (!match) return undefined;
  const [, signBefore = '', pound = '', signAfter = '', whole = '', fraction = '', percent = ''] = match;
  if (signBefore !== '' && signAfter !== '') return undefined;
  if (signAfter !== '' && pound === '') return undefined;
  if (pound !== '' && percent !== '') return undefined;
  const value = Number(`${whole.replace(/,/g, '')}${fraction}`);
  return (signBefore !== '' || signAfter !== '') && value !== 0 ? -value : value;
}
