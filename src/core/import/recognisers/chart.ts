import { chartTableBlock, oneLine, plain, type Block } from '../blocks';
import type { ChartShape } from '../model';
import type { SlideRecogniser } from './recogniser';

/**
 * `chart`: a slide with a chart. The first chart's cached data becomes the slide's table
 * (labels, then a column a series) and its title the caption under it, unless the title
 * only repeats the slide's. Other charts stay tables of a content kind, and are reported.
 */
export const chartRecogniser: SlideRecogniser = {
  type: 'chart',
  recognise(slide) {
    const charts = slide.shapes.filter((shape): shape is ChartShape => shape.kind === 'chart' && shape.table !== undefined);
    const chart = charts[0];
    if (!chart) return undefined;
    const table = chartTableBlock(chart);
    const blocks: Block[] = table ? [table] : [];
    const caption = oneLine(chart.title);
    if (caption !== '' && caption.toLowerCase() !== oneLine(slide.title ?? '').toLowerCase()) blocks.push({ kind: 'paragraph', lines: [[plain(caption)]] });
    const findings: string[] = [];
    const kinds = chart.chartTypes.filter((kind) => kind !== 'barChart' && kind !== 'bar3DChart');
    if (kinds.length > 0) findings.push(`the chart was a ${kinds.join(' and ')}: the house draws every chart as bars`);
    if (!chart.table?.labelHeader) findings.push('the chart does not name its label column: the table\'s first header cell is empty');
    if (charts.length > 1) findings.push(`the slide has ${charts.length} charts: a chart slide shows one; the others are tables now`);
    return { blocks, claimed: new Set([chart]), findings };
  },
};
