/**
 * A chart part's data, from the values the chart caches for display (`c:strCache`,
 * `c:numCache`, and their literal forms), never from the embedded workbook: the cache is
 * what the slide shows. Values are written as the chart's number format shows them
 * (`0"%"` → `64%`, `"£"#,##0` → `£3`), without thousands separators.
 */
import type { ChartTable } from '../model';
import { attr, child, childrenNamed, elements, path, textOf, type XmlElement } from '../xml';
import { plainText } from './text';

export interface ChartRead {
  table: ChartTable | undefined;
  title: string;
  chartTypes: string[];
}

export function readChart(chartSpace: XmlElement | undefined, description: string): ChartRead {
  const chart = child(chartSpace, 'c:chart');
  const plotArea = child(chart, 'c:plotArea');
  const plots = elements(plotArea).filter((node) => /Chart$/.test(node.name));
  const chartTypes = plots.map((plot) => plot.name.replace(/^c:/, ''));
  const series = plots.flatMap((plot) => childrenNamed(plot, 'c:ser').map((ser) => ({ plot, ser })));
  const title = chartTitle(chart);
  if (series.length === 0) return { table: undefined, title, chartTypes };

  const seriesNames: string[] = [];
  const columns: string[][] = [];
  let categories: string[] = [];
  series.forEach(({ plot, ser }, index) => {
    seriesNames.push(seriesName(ser) || `Series ${index + 1}`);
    const cat = child(ser, 'c:cat') ?? child(ser, 'c:xVal');
    const labels = cat ? points(cat) : [];
    if (labels.length > categories.length) categories = labels;
    const val = child(ser, 'c:val') ?? child(ser, 'c:yVal');
    const format = labelFormat(ser) ?? labelFormat(plot) ?? cacheFormat(val) ?? 'General';
    columns.push(points(val).map((value) => formatChartValue(value, format)));
  });
  const rowCount = Math.max(categories.length, ...columns.map((column) => column.length));
  const values = Array.from({ length: rowCount }, (_, row) => columns.map((column) => column[row] ?? ''));
  while (categories.length < rowCount) categories.push('');
  const labelHeader = axisTitle(plotArea) || labelHeaderFromDescription(description, seriesNames[0] ?? '');
  return { table: { labelHeader, seriesNames, categories, values }, title, chartTypes };
}

function chartTitle(chart: XmlElement | undefined): string {
  if (attr(child(chart, 'c:autoTitleDeleted'), 'val') === '1') return '';
  const tx = path(chart, 'c:title', 'c:tx');
  if (!tx) return '';
  return (plainText(child(tx, 'c:rich')) || points(tx).join(' ')).replace(/\s*\n\s*/g, ' ').trim();
}

function seriesName(ser: XmlElement): string {
  const tx = child(ser, 'c:tx');
  return (points(tx).join(' ') || textOf(child(tx, 'c:v'))).trim();
}

/** The title of the category axis, when shown: the label column's header. */
function axisTitle(plotArea: XmlElement | undefined): string {
  for (const axis of [...childrenNamed(plotArea, 'c:catAx'), ...childrenNamed(plotArea, 'c:dateAx')]) {
    if (attr(child(axis, 'c:delete'), 'val') === '1') continue;
    const text = plainText(path(axis, 'c:title', 'c:tx', 'c:rich'));
    if (text) return text.replace(/\s*\n\s*/g, ' ').trim();
  }
  return '';
}

/**
 * isdeck's own PowerPoint export names the label column in the chart's alt text
 * (`Bar chart, <title>, by <label header>. <first series>: …`); a chart without an axis
 * title that carries that sentence gets its header back from it.
 */
export function labelHeaderFromDescription(description: string, firstSeries: string): string {
  if (!description.startsWith('Bar chart') || firstSeries === '') return '';
  const marker = `. ${firstSeries}: `;
  const end = description.indexOf(marker);
  if (end < 0) return '';
  const start = description.lastIndexOf(', by ', end);
  return start < 0 ? '' : description.slice(start + 5, end).trim();
}

/** The cached points of a reference or literal (string, number or the first level of a multi-level one), by index. */
function points(element: XmlElement | undefined): string[] {
  if (!element) return [];
  const cache =
    path(element, 'c:strRef', 'c:strCache') ??
    path(element, 'c:numRef', 'c:numCache') ??
    child(path(element, 'c:multiLvlStrRef', 'c:multiLvlStrCache'), 'c:lvl') ??
    child(element, 'c:strLit') ??
    child(element, 'c:numLit');
  if (!cache) return [];
  const count = Number(attr(child(cache, 'c:ptCount'), 'val') ?? 0);
  const values: string[] = [];
  for (const pt of childrenNamed(cache, 'c:pt')) {
    const index = Number(attr(pt, 'idx') ?? values.length);
    if (Number.isInteger(index) && index >= 0 && index < 100_000) values[index] = textOf(child(pt, 'c:v'));
  }
  const length = Math.max(values.length, Number.isInteger(count) && count < 100_000 ? count : 0);
  return Array.from({ length }, (_, index) => values[index] ?? '');
}

function labelFormat(element: XmlElement): string | undefined {
  const numFmt = path(element, 'c:dLbls', 'c:numFmt');
  if (!numFmt || attr(numFmt, 'sourceLinked') === '1') return undefined;
  return attr(numFmt, 'formatCode');
}

function cacheFormat(val: XmlElement | undefined): string | undefined {
  const code = textOf(path(val, 'c:numRef', 'c:numCache', 'c:formatCode')).trim();
  return code === '' ? undefined : code;
}

/**
 * A cached value as its number format shows it: a `%` format multiplies by 100 (a literal
 * `"%"` or `\%` only adds the sign), a quoted or bracketed currency symbol leads, decimals follow the
 * format's `0` and `#` places. Text that is not a number is returned as it is.
 */
export function formatChartValue(raw: string, formatCode: string): string {
  const number = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(number)) return raw.trim();
  const section = (formatCode.split(';')[0] ?? '').trim();
  // Literals: quoted text, a backslash-escaped character, bracketed codes (`[$£-809]`, `[Red]`).
  const unquoted = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  const percent = unquoted.includes('%');
  const literalPercent = /"%"|\\%/.test(section);
  const currency = /"([£$€])"|\\([£$€])|\[\$([£$€])[^\]]*\]|^([£$€])/.exec(section);
  const symbol = currency ? (currency[1] ?? currency[2] ?? currency[3] ?? currency[4] ?? '') : '';
  const decimals = /\.([0#]+)/.exec(unquoted)?.[1] ?? '';
  const value = percent ? number * 100 : number;
  const general = section === '' || /^general$/i.test(section);
  let digits = general ? String(Number(Math.abs(value).toPrecision(15))) : Math.abs(value).toFixed(decimals.length);
  if (!general) {
    const minimum = (decimals.match(/0/g) ?? []).length;
    if (digits.includes('.')) digits = digits.replace(/0+$/, '').replace(/\.$/, '');
    if (minimum > 0) {
      const [whole, fraction = ''] = digits.split('.');
      digits = `${whole}.${fraction.padEnd(minimum, '0')}`;
    }
  }
  const sign = value < 0 && Number(digits) !== 0 ? '-' : '';
  return `${sign}${symbol}${digits}${percent || literalPercent ? '%' : ''}`;
}
