import type PptxGenJS from 'pptxgenjs';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, SERIES_COLOURS } from '../brand';
import { chartData } from '../chart-data';
import { blockText, displayText, flowBlocks, type FlowParagraph } from '../content';
import type { SlideContext } from '../context';
import { addFlow, flowFontSize, flowHeight } from '../draw';
import type { Picture } from '../pictures';
import { below, type Box } from '../layout';
import { GAP, standardFrame } from './frame';

/** Text beside a chart moves to a column on the left when there is more than this much of it. */
const SHORT_TEXT = 260;

/**
 * `chart`: the table as a native, editable bar chart (horizontal bars in table order,
 * one series a value column, value labels, the caption as the chart title, else the
 * slide title). Paragraphs
 * and lists go above the chart when short, else in a column on its left.
 */
export function renderChart(ctx: SlideContext, images: readonly Picture[]): void {
  const frame = standardFrame(ctx, images);
  const table = ctx.source.tables[0];
  const caption = table ? chartCaption(ctx.text.paragraphs, table.range.line, table.range.endLine) : undefined;
  const text = flowBlocks(
    ctx.text.paragraphs.filter((paragraph) => paragraph !== caption),
    ctx.source.lists,
    ctx.text.extras,
  );
  let chartBox = frame.box;
  if (text.length > 0) {
    const length = text.reduce((sum, block) => sum + blockText(block).length, 0);
    const hasList = text.some((block) => block.kind === 'item');
    if (length <= SHORT_TEXT && !hasList) {
      const textBox = { ...frame.box, h: frame.box.h * 0.3 };
      const size = flowFontSize(text, textBox, { max: 18, min: 13 });
      addFlow(ctx, text, textBox, { max: size, min: size });
      chartBox = below(frame.box, frame.box.y + Math.min(textBox.h, flowHeight(text, textBox.w, size)) + GAP);
    } else {
      const columnWidth = frame.box.w * 0.42;
      addFlow(ctx, text, { ...frame.box, w: columnWidth }, { max: 18, min: 11 });
      chartBox = { ...frame.box, x: frame.box.x + columnWidth + GAP * 1.5, w: frame.box.w - columnWidth - GAP * 1.5 };
    }
  }
  if (table) addBarChart(ctx, chartBox, caption ? caption.lines.join(' ') : (ctx.text.title?.text ?? ''));
  frame.placeCallout(chartBox.y + chartBox.h);
}

/**
 * The paragraph that titles the chart: the caption after the table (docs/house-structure.md §3),
 * else a paragraph standing right above the table (seed: "Proportion of patients … (%)").
 */
function chartCaption(paragraphs: readonly FlowParagraph[], tableLine: number, tableEndLine: number): FlowParagraph | undefined {
  return (
    paragraphs.find((paragraph) => paragraph.line > tableEndLine) ??
    paragraphs.find((paragraph) => paragraph.endLine < tableLine && paragraph.endLine >= tableLine - 2)
  );
}

function addBarChart(ctx: SlideContext, box: Box, title: string): void {
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
    showTitle: title !== '',
    title,
    titleFontFace: BRAND_FONT,
    titleFontSize: BRAND_SIZES.chartTitle,
    titleColor: BRAND_COLOURS.navy,
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
    altText: chartAltText(title, labelHeader, data.series),
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
