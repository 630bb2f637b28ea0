/**
 * Draws a chart slide's table as an accessible inline SVG bar chart.
 *
 * Horizontal bars (category labels read left to right, however long), one bar per
 * value column (grouped when there are several), a value label at each bar's end,
 * a value axis with ticks and grid lines, and a top row that names what the table's header
 * row names: the label column over the labels, each series in the legend (one series
 * too, so every word of the table is on the page, not only in the hidden table).
 * Colours and the font are CSS custom properties of the house theme (`var(--is-…)`), so
 * the brand is set in one place. Pure string building: no DOM.
 */
import type { ChartData, ChartValue } from '../chart-data';
import { CARLITO_AVERAGE_EM } from '../house-geometry';

export interface ChartSvgOptions {
  /** The slide title: the SVG's `<title>`. */
  title: string;
  /** Width of the slide's content box in CSS pixels (the SVG is drawn 1:1 at this width). */
  width: number;
  /** Unique prefix for the `<title>`/`<desc>` ids. */
  idPrefix: string;
  /** Make bars thinner (down to a floor) so the chart is at most this tall, if it can be. */
  maxHeight?: number;
}

const SERIES_COLOURS = ['--is-series-1', '--is-series-2', '--is-series-3', '--is-series-4'];

/** Average advance of Carlito, in em, used to lay out labels. */
const CHAR_EM = CARLITO_AVERAGE_EM.measured;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function textWidth(text: string, fontSize: number): number {
  return [...text].length * CHAR_EM * fontSize;
}

/** Greedy word wrap by estimated width; at most `maxLines` lines, the last one ellipsised. */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

/** Tick step of 1, 2, 2.5 or 5 × 10ⁿ giving about `target` intervals. */
export function niceStep(span: number, target = 5): number {
  if (!(span > 0)) return 1;
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** How tick labels are written: the prefix/suffix all values share (`£`, `%`), else none. */
function commonAffixes(values: ChartValue[]): { prefix: string; suffix: string } {
  const first = values[0];
  if (!first) return { prefix: '', suffix: '' };
  const prefix = values.every((v) => v.prefix === first.prefix) ? first.prefix : '';
  const suffix = values.every((v) => v.suffix === first.suffix) ? first.suffix : '';
  return { prefix, suffix };
}

function formatTick(n: number, affixes: { prefix: string; suffix: string }): string {
  const sign = n < 0 ? '−' : '';
  return `${sign}${affixes.prefix}${fmt(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${affixes.suffix}`;
}

/** A plain-text account of the data, for the SVG's `<desc>`. */
export function describeChart(data: ChartData): string {
  const seriesNames = data.series.map((s) => s.name).join(', ');
  const rows = data.categories.map((category, i) => {
    const cells = data.series.map((s) => `${s.name} ${s.values[i]?.text ?? 'no value'}`);
    return `${category}: ${cells.join('; ')}.`;
  });
  const by = data.labelHeader ? ` by ${data.labelHeader}` : '';
  return `Bar chart of ${seriesNames}${by}. ${rows.join(' ')}`;
}

interface ChartLayout {
  W: number;
  labelSize: number;
  valueSize: number;
  tickSize: number;
  legendSize: number;
  legendHeight: number;
  labelLines: string[][];
  labelWidth: number;
  barHeight: number;
  barGap: number;
  rowPadding: number;
  height: number;
}

function chartLayout(data: ChartData, width: number, maxHeight?: number): ChartLayout {
  const W = Math.round(width);
  const compact = W < 1000;
  const labelSize = compact ? 20 : 21;
  const valueSize = compact ? 18 : 19;
  const tickSize = 18;
  const legendSize = compact ? 18 : 19;
  const seriesCount = Math.max(1, data.series.length);

  // Category labels: wrapped to at most 3 lines in a column of at most a third of the width.
  const labelColumnMax = W * (compact ? 0.36 : 0.32);
  const labelLines = data.categories.map((c) => wrapText(c, labelSize, labelColumnMax, 3));
  const labelWidth = Math.min(labelColumnMax, Math.max(60, ...labelLines.flat().map((line) => textWidth(line, labelSize))));

  // The label column's header over the labels, and the legend beside it, wrapped into rows.
  const header = data.labelHeader ? wrapText(data.labelHeader, legendSize, labelWidth, 3) : [];
  const legendRows = legendItems(data, legendSize, labelWidth + 20, W).at(-1)?.row ?? 0;
  const legendHeight = Math.max(legendRows + 1, header.length) * legendSize * 1.6 + 8;

  // Bars: as thick as the default allows, thinner (down to a floor) to fit maxHeight.
  const barGap = seriesCount > 1 ? 4 : 0;
  const axisHeight = 14 + tickSize;
  const total = (bar: number, pad: number): number =>
    legendHeight +
    axisHeight +
    labelLines.reduce(
      (sum, lines) => sum + Math.max(seriesCount * bar + (seriesCount - 1) * barGap, lines.length * labelSize * 1.15) + pad,
      0,
    );
  const defaultBar = seriesCount === 1 ? 34 : seriesCount === 2 ? 26 : 20;
  const minBar = seriesCount === 1 ? 16 : 11;
  let barHeight = defaultBar;
  let rowPadding = seriesCount === 1 ? 14 : 18;
  if (maxHeight !== undefined) {
    while (total(barHeight, rowPadding) > maxHeight && (barHeight > minBar || rowPadding > 6)) {
      if (rowPadding > 6) rowPadding -= 2;
      else barHeight -= 1;
    }
  }
  return {
    W,
    labelSize,
    valueSize,
    tickSize,
    legendSize,
    legendHeight,
    labelLines,
    labelWidth,
    barHeight,
    barGap,
    rowPadding,
    height: Math.ceil(total(barHeight, rowPadding)),
  };
}

interface LegendItem {
  x: number;
  row: number;
}

/** Where each series' legend item goes: left to right from `left`, a new row when one would pass `width`. */
function legendItems(data: ChartData, legendSize: number, left: number, width: number): LegendItem[] {
  let x = left;
  let row = 0;
  return data.series.map((series) => {
    const itemWidth = 18 + 8 + textWidth(series.name, legendSize) + 28;
    if (x > left && x + itemWidth > width) {
      x = left;
      row += 1;
    }
    const item = { x, row };
    x += itemWidth;
    return item;
  });
}

/** Heights of the chart drawn at `width`: with default bars, and with the thinnest bars. */
export function chartHeights(data: ChartData, width: number): { natural: number; min: number } {
  return { natural: chartLayout(data, width).height, min: chartLayout(data, width, 0).height };
}

export function renderChartSvg(data: ChartData, options: ChartSvgOptions): string {
  const layout = chartLayout(data, options.width, options.maxHeight);
  const { W, labelSize, tickSize, legendSize, legendHeight, labelLines, labelWidth } = layout;
  const seriesCount = data.series.length;
  const all = data.series.flatMap((s) => s.values.filter((v): v is ChartValue => v !== undefined));
  const affixes = commonAffixes(all);

  // The label column's header, and the legend: one item a series.
  const swatch = 18;
  const rowHeight = legendSize * 1.6;
  const legend: string[] = (data.labelHeader ? wrapText(data.labelHeader, legendSize, labelWidth, 3) : []).map(
    (line, row) =>
      `<text class="is-chart-label-header" x="${num(labelWidth)}" y="${num(row * rowHeight + rowHeight / 2 + legendSize * 0.35 - 4)}" text-anchor="end" style="fill: var(--is-muted); font-size: ${legendSize}px; font-weight: 700">${escapeXml(line)}</text>`,
  );
  legendItems(data, legendSize, labelWidth + 20, W).forEach(({ x, row }, k) => {
    const y = row * rowHeight;
    const series = data.series[k]!;
    legend.push(
      `<rect x="${num(x)}" y="${num(y + (rowHeight - swatch) / 2 - 4)}" width="${swatch}" height="${swatch}" rx="3" style="fill: var(${SERIES_COLOURS[k % SERIES_COLOURS.length]})"/>`,
      `<text x="${num(x + swatch + 8)}" y="${num(y + rowHeight / 2 + legendSize * 0.35 - 4)}" style="fill: var(--is-ink); font-size: ${legendSize}px">${escapeXml(series.name)}</text>`,
    );
  });

  // Value scale; value labels no taller than thin bars allow.
  const valueSize = Math.min(layout.valueSize, Math.max(18, Math.round(layout.barHeight * 0.8 + 4)));
  const numbers = all.map((v) => v.value);
  const minValue = Math.min(0, ...numbers);
  const maxValue = Math.max(0, ...numbers);
  const step = niceStep(maxValue - minValue || 1);
  const lo = minValue < 0 ? Math.floor(minValue / step + 1e-9) * step : 0;
  const hi = maxValue > 0 ? Math.ceil(maxValue / step - 1e-9) * step : minValue < 0 ? 0 : step;
  const longestValue = Math.max(...all.map((v) => textWidth(v.text, valueSize)), 0);
  const plotLeft = labelWidth + 20;
  const plotRight = W - Math.max(longestValue + 14, textWidth(formatTick(hi, affixes), tickSize) / 2 + 4);
  const scale = (v: number): number => plotLeft + ((v - lo) / (hi - lo)) * (plotRight - plotLeft);

  // Rows.
  const { barHeight, barGap, rowPadding } = layout;
  const groupHeight = seriesCount * barHeight + (seriesCount - 1) * barGap;
  const top = legendHeight;
  const parts: string[] = [];
  let y = top;
  const zero = scale(0);
  data.categories.forEach((category, i) => {
    const lines = labelLines[i] ?? [category];
    const labelBlock = lines.length * labelSize * 1.15;
    const rowHeight = Math.max(groupHeight, labelBlock) + rowPadding;
    const groupTop = y + (rowHeight - groupHeight) / 2;
    const labelTop = y + (rowHeight - labelBlock) / 2;
    const tspans = lines
      .map(
        (line, j) =>
          `<tspan x="${num(labelWidth)}" y="${num(labelTop + labelSize * (0.88 + 1.15 * j))}">${escapeXml(line)}</tspan>`,
      )
      .join('');
    parts.push(`<text text-anchor="end" style="fill: var(--is-ink); font-size: ${labelSize}px">${tspans}</text>`);
    data.series.forEach((series, k) => {
      const value = series.values[i];
      if (!value) return;
      const barTop = groupTop + k * (barHeight + barGap);
      const end = scale(value.value);
      const x = Math.min(zero, end);
      const width = Math.max(Math.abs(end - zero), value.value === 0 ? 0 : 1);
      parts.push(
        `<rect class="is-chart-bar" x="${num(x)}" y="${num(barTop)}" width="${num(width)}" height="${barHeight}" style="fill: var(${SERIES_COLOURS[k % SERIES_COLOURS.length]})"><title>${escapeXml(`${category}, ${series.name}: ${value.text}`)}</title></rect>`,
      );
      const negative = value.value < 0;
      const labelX = negative ? x - 6 : end + 6;
      parts.push(
        `<text class="is-chart-value" x="${num(labelX)}" y="${num(barTop + barHeight / 2 + valueSize * 0.35)}"${negative ? ' text-anchor="end"' : ''} style="fill: var(--is-ink); font-size: ${valueSize}px; font-weight: 700">${escapeXml(value.text)}</text>`,
      );
    });
    y += rowHeight;
  });
  const plotBottom = y;

  // Grid lines and ticks (drawn first, under the bars).
  const grid: string[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) {
    const x = scale(t);
    grid.push(
      `<line x1="${num(x)}" y1="${num(top)}" x2="${num(x)}" y2="${num(plotBottom)}" style="stroke: var(--is-rule); stroke-width: 1"/>`,
      `<line x1="${num(x)}" y1="${num(plotBottom)}" x2="${num(x)}" y2="${num(plotBottom + 6)}" style="stroke: var(--is-muted); stroke-width: 1.5"/>`,
      `<text x="${num(x)}" y="${num(plotBottom + 8 + tickSize)}" text-anchor="middle" style="fill: var(--is-muted); font-size: ${tickSize}px">${escapeXml(formatTick(Number(t.toFixed(10)), affixes))}</text>`,
    );
  }
  const axis = [
    `<line x1="${num(plotLeft)}" y1="${num(plotBottom)}" x2="${num(plotRight)}" y2="${num(plotBottom)}" style="stroke: var(--is-muted); stroke-width: 1.5"/>`,
    `<line x1="${num(zero)}" y1="${num(top)}" x2="${num(zero)}" y2="${num(plotBottom)}" style="stroke: var(--is-muted); stroke-width: 1.5"/>`,
  ];
  const H = Math.max(layout.height, Math.ceil(plotBottom + 14 + tickSize));
  const titleId = `${options.idPrefix}-title`;
  const descId = `${options.idPrefix}-desc`;
  return (
    `<svg class="is-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId} ${descId}" ` +
    `viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" preserveAspectRatio="xMinYMin meet" ` +
    `data-series="${seriesCount}" data-categories="${data.categories.length}" ` +
    `style="font-family: var(--is-font)">` +
    `<title id="${titleId}">${escapeXml(options.title)}</title>` +
    `<desc id="${descId}">${escapeXml(describeChart(data))}</desc>` +
    `<g class="is-chart-grid">${grid.join('')}</g>` +
    `<g class="is-chart-bars">${parts.join('')}</g>` +
    `<g class="is-chart-axis">${axis.join('')}</g>` +
    (legend.length > 0 ? `<g class="is-chart-legend">${legend.join('')}</g>` : '') +
    `</svg>\n`
  );
}
