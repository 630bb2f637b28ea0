/** Shapes written by hand for the recogniser tests: the reader's model, without a file. */
import { frameSlide, type ImportSlide } from '../../src/core/import/frame';
import type { Box, ChartShape, Paragraph, Run, Shape, SourceSlide, TableShape, TextShape } from '../../src/core/import/model';

export const run = (text: string, format: Partial<Omit<Run, 'text'>> = {}): Run => ({ text, bold: false, italic: false, ...format });

/** A paragraph: a string is one plain run. */
export function para(content: string | Run[], options: Partial<Omit<Paragraph, 'runs'>> = {}): Paragraph {
  return { runs: typeof content === 'string' ? [run(content)] : content, level: 0, bullet: 'none', size: undefined, ...options };
}

export const bold = (text: string, size?: number) => para([run(text, { bold: true })], { size });
export const bullet = (text: string, level = 0) => para(text, { bullet: 'bullet', level });

export function box(x: number, y: number, w: number, h: number): Box {
  return { x, y, w, h };
}

export function text(paragraphs: (Paragraph | string)[], options: Partial<Omit<TextShape, 'kind' | 'paragraphs'>> = {}): TextShape {
  return {
    kind: 'text',
    name: 'Text',
    description: '',
    box: box(1, 2, 4, 1),
    placeholder: undefined,
    geometry: 'rect',
    filled: false,
    paragraphs: paragraphs.map((paragraph) => (typeof paragraph === 'string' ? para(paragraph) : paragraph)),
    ...options,
  };
}

export const title = (value: string, options: Partial<Omit<TextShape, 'kind' | 'paragraphs'>> = {}) => text([value], { placeholder: 'title', box: box(0.5, 0.4, 9, 1), ...options });

export function table(rows: string[][], options: Partial<TableShape> = {}): TableShape {
  return { kind: 'table', name: 'Table', description: '', box: box(1, 2, 8, 3), rows: rows.map((row) => row.map((cell) => [para(cell)])), ...options };
}

export function chart(options: Partial<ChartShape> = {}): ChartShape {
  return {
    kind: 'chart',
    name: 'Chart',
    description: '',
    box: box(1, 2, 8, 4),
    title: '',
    chartTypes: ['barChart'],
    table: { labelHeader: 'Service', seriesNames: ['2008'], categories: ['Payroll', 'Fleet'], values: [['12%'], ['5%']] },
    ...options,
  };
}

/** A 10 × 7.5 in slide of these shapes, framed as the importer frames it. */
export function slideOf(shapes: Shape[], options: Partial<SourceSlide> & { index?: number; deckTitle?: string; repeated?: Set<string> } = {}): ImportSlide {
  const { index = 1, deckTitle = '', repeated = new Set<string>(), ...source } = options;
  const slide: SourceSlide = { number: index + 1, hidden: false, layoutName: '', layoutType: '', sectionName: undefined, shapes, notes: [], externalLinks: [], ...source };
  return frameSlide(slide, index, { width: 10, height: 7.5, deckTitle, repeated });
}
