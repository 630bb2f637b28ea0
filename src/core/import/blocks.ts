/**
 * The Markdown a slide is written as, before it is text: the recognisers build blocks, the
 * writer (markdown.ts) escapes and prints them. Also the plain conversions every recogniser
 * shares: a text shape's paragraphs to paragraphs and lists, a table shape to a table.
 */
import { runsText, splitRunLines } from '../deck/runs';
import type { ChartShape, Paragraph, Run, TableShape } from './model';

export interface ListItem {
  /** 1 for a top-level item. */
  depth: number;
  ordered: boolean;
  runs: Run[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A paragraph's lines (soft line breaks between them). */
  | { kind: 'paragraph'; lines: Run[][] }
  | { kind: 'list'; items: ListItem[] }
  /** The first row is the header. */
  | { kind: 'table'; rows: Run[][][] }
  | { kind: 'image'; alt: string; src: string }
  | { kind: 'quote'; runs: Run[] };

export const plain = (text: string): Run => ({ text, bold: false, italic: false });

export { runsText };

/** A paragraph's text, soft line breaks as `\n`. */
export function paragraphText(paragraph: Paragraph): string {
  return runsText(paragraph.runs);
}

/** Text on one line: line breaks and runs of white space as one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function wordCount(text: string): number {
  return oneLine(text).split(' ').filter((word) => word !== '').length;
}

/** Runs split at their line breaks, one list of runs a line; blank lines dropped. */
export function splitLines(runs: readonly Run[]): Run[][] {
  return splitRunLines(runs).filter((line) => runsText(line).trim() !== '');
}

/** Runs with every line break made a space (for titles, table cells, list items shown on one line). */
export function joinLines(runs: readonly Run[]): Run[] {
  return runs.map((run) => ({ ...run, text: run.text.replace(/\s*\n\s*/g, ' ') }));
}

/** Paragraphs as the runs of one line: paragraphs and line breaks joined with spaces. */
export function runsOnOneLine(paragraphs: readonly Paragraph[]): Run[] {
  return joinLines(paragraphs.flatMap((paragraph, index) => (index === 0 ? paragraph.runs : [plain(' '), ...paragraph.runs])));
}

/**
 * Bold or italic that covers every run of a text is the shape's style (a bold question, a
 * bold callout), not emphasis: it is dropped. Emphasis on part of a text is kept.
 */
export function withoutUniformFormatting(paragraphs: readonly Paragraph[]): Paragraph[] {
  const runs = paragraphs.flatMap((paragraph) => paragraph.runs.filter((run) => run.text.trim() !== ''));
  const allBold = runs.length > 0 && runs.every((run) => run.bold);
  const allItalic = runs.length > 0 && runs.every((run) => run.italic);
  if (!allBold && !allItalic) return [...paragraphs];
  return paragraphs.map((paragraph) => ({
    ...paragraph,
    runs: paragraph.runs.map((run) => ({ ...run, bold: allBold ? false : run.bold, italic: allItalic ? false : run.italic })),
  }));
}

/**
 * Paragraphs as Markdown blocks: bulleted and numbered paragraphs become one list (levels
 * kept, the shallowest at depth 1), the others paragraphs.
 */
export function paragraphBlocks(paragraphs: readonly Paragraph[]): Block[] {
  const blocks: Block[] = [];
  let list: ListItem[] | undefined;
  let baseLevel = 0;
  let lastDepth = 0;
  for (const paragraph of withoutUniformFormatting(paragraphs)) {
    if (paragraph.bullet === 'none') {
      list = undefined;
      const lines = splitLines(paragraph.runs);
      if (lines.length > 0) blocks.push({ kind: 'paragraph', lines });
      continue;
    }
    if (!list) {
      list = [];
      blocks.push({ kind: 'list', items: list });
      baseLevel = paragraph.level;
      lastDepth = 0;
    }
    // A level deeper than the one before would start a list nested in nothing: one step at most.
    const depth = Math.max(1, Math.min(paragraph.level - baseLevel + 1, lastDepth + 1));
    lastDepth = depth;
    list.push({ depth, ordered: paragraph.bullet === 'number', runs: paragraph.runs });
  }
  return blocks;
}

/** A table shape as a table block (a cell's paragraphs joined on one line); undefined when it holds no text. */
export function tableBlock(table: TableShape): Block | undefined {
  // A row set bold (or italic) throughout, as a header row is, carries a style, not emphasis.
  const rows = table.rows.map((row) => {
    const unstyled = withoutUniformFormatting(row.flat());
    let at = 0;
    return row.map((cell) => runsOnOneLine(unstyled.slice(at, (at += cell.length))));
  });
  if (rows.length === 0 || rows.every((row) => row.every((cell) => runsText(cell).trim() === ''))) return undefined;
  return { kind: 'table', rows };
}

/** A chart's cached data as a table: the label column, then one column a series. */
export function chartTableBlock(chart: ChartShape): Block | undefined {
  const table = chart.table;
  if (!table) return undefined;
  const header = [table.labelHeader, ...table.seriesNames].map((text) => [plain(text)]);
  const rows = table.categories.map((category, row) => [category, ...(table.values[row] ?? [])].map((text) => [plain(text)]));
  return { kind: 'table', rows: [header, ...rows] };
}
