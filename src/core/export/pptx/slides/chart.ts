import type PptxGenJS from 'pptxgenjs';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, SERIES_COLOURS } from '../brand';
import { chartData } from '../chart-data';
import { blockText, displayText, flowBlocks, type FlowBlock } from '../content';
import type { SlideContext } from '../context';
import { addFlow, flowFontSize, flowHeight } from '../draw';
import type { Picture } from '../pictures';
import { above, below, type Box } from '../layout';
import { GAP, standardFrame } from './frame';

/** Text beside a chart moves to a column on the left when there is more than this much of it. */
const SHORT_TEXT = 260;

/**
 * `chart`: the table as a native, editable bar chart (horizontal bars in table order, one
 * series a value column, value labels). Text keeps its place around the table, as in the
 * theme: what comes before it goes above the chart, the caption after it under the chart; when
 * the text is long or holds a list, all of it goes in a column on the chart's left.
 */
export function renderChart(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images);
  const table = ctx.source.tables[0];
  const text = flowBlocks(ctx.text.paragraphs, ctx.source.lists, ctx.text.extras);
  const before = table ? text.filter((block) => block.line < table.range.line) : text;
  const after = table ? text.filter((block) => block.line > table.range.endLine) : [];
  const description = [...after, ...before].map(blockText).join(' ') || (ctx.text.title?.text ?? '');
  const length = text.reduce((sum, block) => sum + blockText(block).length, 0);
  if (length > SHORT_TEXT || text.some((block) => block.kind === 'item')) {
    const columnWidth = frame.box.w * 0.42;
    addFlow(ctx, text, { ...frame.box, w: columnWidth }, { max: 18, min: 11 });
    if (table) addBarChart(ctx, { ...frame.box, x: frame.box.x + columnWidth + GAP * 1.5, w: frame.box.w - columnWidth - GAP * 1.5 }, description);
    frame.finish(frame.box.y + frame.box.h);
    return;
  }
  const size = flowFontSize(text, { ...frame.box, h: frame.box.h * 0.4 }, { max: 18, min: 13 });
  const height = (blocks: readonly FlowBlock[]) => (blocks.length === 0 ? 0 : flowHeight(blocks, frame.box.w, size) + GAP);
  if (before.length > 0) addFlow(ctx, before, { ...frame.box, h: height(before) - GAP }, { max: size, min: size });
  const chartBox = below(above(frame.box, frame.box.y + frame.box.h - height(after)), frame.box.y + height(before));
  if (table) addBarChart(ctx, chartBox, description);
  const bottom = chartBox.y + chartBox.h;
  if (after.length > 0) addFlow(ctx, after, { ...frame.box, y: bottom + GAP, h: height(after) - GAP }, { max: size, min: size });
  frame.finish(bottom + height(after));
}

/** The chart; `description` (its caption, else the text above it, else the slide title) leads its alt text. */
function addBarChart(ctx: SlideContext, box: Box, description: string): void {
  const table = ctx.source.tables[0]!;
  const data = chartData(table);
  if (data.series.length === 0) {
    ctx.warn('chart-no-values', 'The chart table has no value column; no chart was drawn.', table.range);
    return;
  }
  if (data.invalid.length > 0) {
    ctx.warn('chart-not-number', `Chart cells that are not numbers were drawn as 0: ${data.invalid.join('; ')}.`, table.range);
  }
  const many = data.series.length > 1;
  const labelHeader = displayText(table.header.cells[0]?.text ?? '').trim();
  const categories = data.series[0]?.labels.length ?? 0;
  const options: PptxGenJS.IChartOpts = {
    ...box,
    barDir: 'bar',
    barGapWidthPct: categories > 5 ? 45 : 70,
    barOverlapPct: many ? -5 : 0,
    chartColors: data.series.map((_, index) => SERIES_COLOURS[index % SERIES_COLOURS.length]!),
    showTitle: false,
    showValue: true,
    dataLabelPosition: 'outEnd',
    dataLabelFontFace: BRAND_FONT,
    dataLabelFontSize: BRAND_SIZES.chart - (categories * data.series.length > 10 ? 2 : 0),
    dataLabelColor: BRAND_COLOURS.ink,
    dataLabelFormatCode: data.formatCode,
    showLegend: many,
    legendPos: 't',
    legendFontFace: BRAND_FONT,
    legendFontSize: BRAND_SIZES.chart,
    legendColor: BRAND_COLOURS.ink,
    catAxisLabelFontFace: BRAND_FONT,
    catAxisLabelFontSize: BRAND_SIZES.chart,
    catAxisLabelColor: BRAND_COLOURS.ink,
    catAxisLineShow: true,
    catAxisLineColor: BRAND_COLOURS.rule,
    catAxisMajorTickMark: 'none',
    // The label column's header names the categories, as the table's header cell did.
    ...(labelHeader ? { showCatAxisTitle: true, catAxisTitle: labelHeader, catAxisTitleFontFace: BRAND_FONT, catAxisTitleFontSize: BRAND_SIZES.chart, catAxisTitleColor: BRAND_COLOURS.muted } : {}),
    valAxisHidden: true,
    valGridLine: { style: 'none' },
    ...(data.series.every((series) => series.values.every((value) => value >= 0)) ? { valAxisMinVal: 0 } : {}),
    altText: chartAltText(description, labelHeader, data.series),
    objectName: 'Chart',
  };
  // Table order top to bottom: pptxgenjs types only list 'minMax', but passes the value through.
  (options as { catAxisOrientation?: string }).catAxisOrientation = 'maxMin';
  ctx.slide.addChart(ctx.pptx.ChartType.bar, data.series, options);
}

/** What the chart shows, in words: its title, what the bars are, every value. */
function chartAltText(title: string, categories: string, series: readonly { name: string; labels: string[]; values: number[] }[]): string {
  const parts = series.map((s) => `${s.name}: ${s.labels.map((label, index) => `${label} ${s.values[index]}`).join(', ')}`);
  return `Bar chart${title ? `, ${title}` : ''}${categories ? `, by ${categories}` : ''}. ${parts.join('. ')}.`;
}
