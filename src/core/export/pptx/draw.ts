import type PptxGenJS from 'pptxgenjs';
import { concatRuns, plainRuns, splitRunLines } from '../../deck/runs';
import type { Table, TextRun as DeckRun } from '../../deck/types';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES } from './brand';
import { CODE_FONT, CODE_PADDING, codeFontSize, codeHeight, highlightCode } from './code';
import { blockText, displayRuns, displayText, type FlowBlock, type FlowCode } from './content';
import type { SlideContext } from './context';
import { fitFontSize, LINE_HEIGHT, POINTS_PER_INCH, textHeight, wrapLines, type MeasuredParagraph } from './fit';
import type { Box } from './layout';

/** Drawing helpers the slide modules share: text flows, callouts, footnotes, tables. */

type TextRun = PptxGenJS.TextProps;

export interface FlowStyle {
  max: number;
  min: number;
  color?: string;
  /** Colour of a bold lead (`**Name** – …`). */
  leadColor?: string;
  align?: 'left' | 'center';
  valign?: 'top' | 'middle' | 'bottom';
}

/** Hanging indent of one bullet level, in points, at `fontSize`. */
function bulletIndent(fontSize: number): number {
  return Math.max(16, Math.round(fontSize * 1.05));
}

/** Space before a block, as a multiple of the font size. */
function spaceBefore(block: FlowBlock, index: number): number {
  if (index === 0) return 0;
  return block.kind === 'item' && block.depth > 1 ? 0.2 : 0.45;
}

/** Nested items are drawn a little smaller than top-level ones, as in the theme. */
const NESTED_SCALE = 0.9;

/** Headings in a flow, relative to its text: `#` largest, `######` a little smaller than the text. */
const HEADING_SCALE = [1.45, 1.25, 1.12, 1.05, 1, 0.9] as const;

/** A block formula's line, relative to the text (fractions and sums stand taller than a line of text). */
const MATH_SCALE = 1.1;
const MATH_LINE = 1.7;

/** Space between a code box and the text around it, in inches. */
const CODE_GAP = 0.12;

function scaleOf(block: FlowBlock): number {
  if (block.kind === 'heading') return HEADING_SCALE[Math.min(block.level, 6) - 1] ?? 1;
  if (block.kind === 'math') return MATH_SCALE;
  return block.kind === 'item' && block.depth > 1 ? NESTED_SCALE : 1;
}

/** A flow cut at its code blocks: text between them goes in one text box, each code block in a box of its own. */
/** A block drawn as text (all but code). */
type TextBlock = Exclude<FlowBlock, FlowCode>;

type Segment = { kind: 'text'; blocks: TextBlock[] } | { kind: 'code'; block: FlowCode };

function segments(blocks: readonly FlowBlock[]): Segment[] {
  const result: Segment[] = [];
  for (const block of blocks) {
    const last = result.at(-1);
    if (block.kind === 'code') result.push({ kind: 'code', block });
    else if (last?.kind === 'text') last.blocks.push(block);
    else result.push({ kind: 'text', blocks: [block] });
  }
  return result;
}

/** Rows of a formula: a matrix or aligned block has one a `\\`. */
function formulaRows(tex: string): number {
  return 1 + (tex.match(/\\\\/g)?.length ?? 0);
}

function measuredBlocks(blocks: readonly FlowBlock[], fontSize: number): MeasuredParagraph[] {
  const indent = bulletIndent(fontSize) / POINTS_PER_INCH;
  return blocks
    .filter((block) => block.kind !== 'math')
    .map((block) => ({
      text: blockText(block),
      bold: block.kind === 'heading',
      indent: block.kind === 'item' ? indent * Math.min(block.depth, 5) : 0,
      spaceBefore: spaceBefore(block, blocks.indexOf(block)),
      scale: scaleOf(block),
    }));
}

/** Height in inches of text blocks (no code) at `fontSize` in a column `width` inches wide. */
function textBlocksHeight(blocks: readonly FlowBlock[], width: number, fontSize: number): number {
  const formulas = blocks.reduce(
    (sum, block, index) => (block.kind === 'math' ? sum + (formulaRows(block.tex) * MATH_LINE * MATH_SCALE + spaceBefore(block, index)) * fontSize : sum),
    0,
  );
  return textHeight(measuredBlocks(blocks, fontSize), width, fontSize) + formulas / POINTS_PER_INCH;
}

function segmentHeight(segment: Segment, width: number, fontSize: number): number {
  return segment.kind === 'code' ? codeHeight(segment.block.text, width, fontSize) : textBlocksHeight(segment.blocks, width, fontSize);
}

/** Height in inches a flow needs at `fontSize` in a column `width` inches wide. */
export function flowHeight(blocks: readonly FlowBlock[], width: number, fontSize: number): number {
  const parts = segments(blocks);
  return parts.reduce((sum, segment) => sum + segmentHeight(segment, width, fontSize), 0) + CODE_GAP * (parts.length - 1);
}

/** The largest size in the style's range at which `blocks` fit `box`. */
export function flowFontSize(blocks: readonly FlowBlock[], box: Box, style: Pick<FlowStyle, 'max' | 'min'>): number {
  return fitFontSize((size) => flowHeight(blocks, box.w, size), box.h, style.max, style.min);
}

/**
 * One paragraph's pptxgenjs runs from the deck's runs: each keeps its bold and italic over
 * `base` (what every run of the paragraph carries: size, colour, alignment, so that
 * pptxgenjs keeps them in one paragraph), a `\n` becomes a soft line break (`<a:br/>`), and
 * `first` (bullet, spacing) goes on the first run only. An empty paragraph is one empty run.
 * Code runs are set like the text around them.
 */
export function paragraphRuns(runs: readonly DeckRun[], base: PptxGenJS.TextPropsOptions, first: PptxGenJS.TextPropsOptions = {}): TextRun[] {
  const out: TextRun[] = [];
  splitRunLines(runs).forEach((line, lineIndex) => {
    line.forEach((run, runIndex) => {
      const options: PptxGenJS.TextPropsOptions = { ...base, ...(out.length === 0 ? first : {}) };
      if (run.bold) options.bold = true;
      if (run.italic) options.italic = true;
      if (lineIndex > 0 && runIndex === 0 && out.length > 0) options.softBreakBefore = true;
      out.push({ text: run.text, options });
    });
  });
  if (out.length === 0) out.push({ text: '', options: { ...base, ...first } });
  return out;
}

/** The runs of a paragraph's lines, joined with line breaks. */
function joinLines(lines: readonly (readonly DeckRun[])[]): DeckRun[] {
  return concatRuns(...lines.flatMap((line, index) => (index === 0 ? [line] : [plainRuns('\n'), line])));
}

/**
 * Text runs for a flow of text blocks (no code): paragraphs as plain paragraphs (soft
 * breaks kept), list items as real bullets (`•` level 1, `–` level 2, numbers for ordered
 * lists) with `indentLevel`, headings as bold navy paragraphs sized by level, block formulas
 * centred on their own line, inline bold and italic kept as runs. The last run of each
 * paragraph ends it.
 */
export function flowRuns(blocks: readonly TextBlock[], fontSize: number, style: FlowStyle): TextRun[] {
  const runs: TextRun[] = [];
  const indent = bulletIndent(fontSize);
  const align = style.align ?? 'left';
  const color = style.color ?? BRAND_COLOURS.ink;
  blocks.forEach((block, index) => {
    const paraSpaceBefore = Math.round(spaceBefore(block, index) * fontSize);
    const size = Math.round(fontSize * scaleOf(block) * 2) / 2;
    const base: PptxGenJS.TextPropsOptions = { align, fontSize: size, color };
    const first: PptxGenJS.TextPropsOptions = { paraSpaceBefore, breakLine: false };
    const paragraph = blockRuns(block, base, { ...first, bullet: false }, { indent, leadColor: style.leadColor });
    const last = paragraph.at(-1);
    if (last && index < blocks.length - 1) last.options = { ...last.options, breakLine: true };
    runs.push(...paragraph);
  });
  return runs;
}

/** One text block's runs (see `flowRuns`). */
function blockRuns(
  block: TextBlock,
  base: PptxGenJS.TextPropsOptions,
  first: PptxGenJS.TextPropsOptions,
  accents: { indent: number; leadColor: string | undefined },
): TextRun[] {
  switch (block.kind) {
    case 'paragraph':
      return paragraphRuns(joinLines(block.lineRuns), base, first);
    case 'heading':
      return paragraphRuns(block.runs, { ...base, bold: true, color: accents.leadColor ?? BRAND_COLOURS.navy }, first);
    case 'math':
      return [{ text: block.drawn, options: { ...base, ...first, align: 'center' } }];
    case 'item': {
      const level = Math.min(block.depth, 5) - 1;
      const bullet: PptxGenJS.TextPropsOptions['bullet'] = block.ordered
        ? { type: 'number', indent: accents.indent }
        : { characterCode: level === 0 ? '25AA' : '2013', indent: accents.indent };
      const lead = { ...first, bullet, ...(level > 0 ? { indentLevel: level } : {}) };
      if (!block.boldLead || block.boldLead.bold === '') return paragraphRuns(block.runs, base, lead);
      const runs: TextRun[] = [{ text: block.boldLead.bold, options: { ...base, ...lead, bold: true, color: accents.leadColor ?? BRAND_COLOURS.navy } }];
      if (block.boldLead.rest !== '') runs.push(...paragraphRuns(concatRuns(plainRuns(' – '), block.boldLead.restRuns), base));
      return runs;
    }
  }
}

/**
 * Draws a flow into `box` at the largest size that fits; returns the size used. Text goes in
 * one text box; a flow with code is stacked: its text between code blocks in text boxes, each
 * code block in a box of its own.
 */
export function addFlow(ctx: SlideContext, blocks: readonly FlowBlock[], box: Box, style: FlowStyle): number {
  if (blocks.length === 0) return style.max;
  const fontSize = flowFontSize(blocks, box, style);
  const parts = segments(blocks);
  if (parts.length === 1 && parts[0]!.kind === 'text') {
    addTextBox(ctx, parts[0]!.blocks, box, fontSize, style);
    return fontSize;
  }
  let y = box.y;
  parts.forEach((segment, index) => {
    const height = segmentHeight(segment, box.w, fontSize);
    const slot = { x: box.x, y, w: box.w, h: index === parts.length - 1 ? Math.max(height, box.y + box.h - y) : height };
    if (segment.kind === 'code') addCodeBox(ctx, segment.block, { ...slot, h: height }, fontSize);
    else addTextBox(ctx, segment.blocks, slot, fontSize, { ...style, valign: 'top' });
    y += height + CODE_GAP;
  });
  return fontSize;
}

function addTextBox(ctx: SlideContext, blocks: readonly TextBlock[], box: Box, fontSize: number, style: FlowStyle): void {
  ctx.slide.addText(flowRuns(blocks, fontSize, style), {
    ...box,
    margin: 0,
    valign: style.valign ?? 'top',
    fontFace: BRAND_FONT,
    fit: 'none',
    objectName: ctx.placeholder('body') ?? 'Body text',
  });
}

/** A code block: monospace, coloured tokens, on the stripe background; PowerPoint shrinks it if an edit makes it overflow. */
function addCodeBox(ctx: SlideContext, code: FlowCode, box: Box, textSize: number): void {
  const size = codeFontSize(code.text, box.w, textSize);
  const lines = highlightCode(code.text, code.language);
  const runs: TextRun[] = lines.flatMap((tokens, index) => {
    const breakLine = index < lines.length - 1;
    if (tokens.length === 0) return [{ text: '', options: { breakLine } }];
    return tokens.map((token, at) => ({
      text: token.text,
      options: { color: token.color, bold: token.bold, italic: token.italic, breakLine: breakLine && at === tokens.length - 1 },
    }));
  });
  ctx.slide.addText(runs, {
    ...box,
    shape: ctx.pptx.ShapeType.rect,
    fill: { color: BRAND_COLOURS.stripe },
    line: { color: BRAND_COLOURS.rule, width: 0.75 },
    margin: [CODE_PADDING.x * POINTS_PER_INCH, CODE_PADDING.x * POINTS_PER_INCH, CODE_PADDING.y * POINTS_PER_INCH, CODE_PADDING.y * POINTS_PER_INCH],
    valign: 'top',
    align: 'left',
    fontFace: CODE_FONT,
    fontSize: size,
    fit: 'shrink',
    objectName: code.language ? `Code (${code.language})` : 'Code',
  });
}

/** Height a callout box needs for `text` in a box `width` wide; the text size it uses. */
export function calloutSize(text: string, width: number, maxHeight: number): { height: number; fontSize: number } {
  const padding = 0.36;
  const inner = width - 0.5;
  const measure = (size: number) => textHeight([{ text, bold: true }], inner, size) + padding;
  const fontSize = fitFontSize(measure, maxHeight, BRAND_SIZES.callout.max, BRAND_SIZES.callout.min);
  return { height: Math.min(maxHeight, Math.max(0.75, measure(fontSize))), fontSize };
}

/** The key message (`> …`, its runs): a tinted box with a teal bar, bold navy text on one line (italics kept). */
export function addCallout(ctx: SlideContext, runs: readonly DeckRun[], box: Box, fontSize: number): void {
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, {
    ...box,
    fill: { color: BRAND_COLOURS.tint },
    line: { color: BRAND_COLOURS.tint, width: 0 },
    objectName: 'Key message background',
  });
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, {
    x: box.x,
    y: box.y,
    w: 0.09,
    h: box.h,
    fill: { color: BRAND_COLOURS.teal },
    line: { color: BRAND_COLOURS.teal, width: 0 },
    objectName: 'Key message bar',
  });
  const oneLine = displayRuns(runs).map((run) => ({ ...run, text: run.text.replace(/\n/g, ' ') }));
  ctx.slide.addText(paragraphRuns(oneLine, {}), {
    x: box.x + 0.3,
    y: box.y,
    w: box.w - 0.5,
    h: box.h,
    margin: 0,
    valign: 'middle',
    fontFace: BRAND_FONT,
    fontSize,
    bold: true,
    color: BRAND_COLOURS.navy,
    objectName: 'Key message',
  });
}

/** Height the footnote sources need in a column `width` wide. */
export function footnotesHeight(sources: readonly string[], width: number): number {
  if (sources.length === 0) return 0;
  return textHeight(
    sources.map((text) => ({ text })),
    width,
    BRAND_SIZES.footnote,
  );
}

/** Footnote sources as small grey text at the foot of the content area. */
export function addFootnotes(ctx: SlideContext, sources: readonly string[], box: Box, colour: string = BRAND_COLOURS.muted): void {
  if (sources.length === 0) return;
  ctx.slide.addText(
    sources.map((text, index) => ({ text, options: { breakLine: index < sources.length - 1 } })),
    {
      ...box,
      margin: 0,
      valign: 'bottom',
      fontFace: BRAND_FONT,
      fontSize: BRAND_SIZES.footnote,
      color: colour,
      objectName: 'Footnote sources',
    },
  );
}

export interface TableStyle {
  /** Fill of each header cell, by column (navy when not given). */
  headerFills?: readonly string[];
  /** Fill of each body cell, by column (white and stripe rows when not given). */
  columnFills?: readonly string[];
  /** Equal column widths (default: by the length of the text). */
  equalColumns?: boolean;
  /** Cell padding in ems of the text (default the theme's 0.35 em × 0.6 em). */
  padding?: { x: number; y: number };
  /** Room left in the header cells before their text, in ems (for an icon drawn there). */
  headerIndent?: number;
  /**
   * Columns drawn apart, as the theme's separated table: a white gap of this many points between
   * columns and white lines between rows, the first column edged in its header colour; no grid.
   */
  columnGap?: number;
}

const DEFAULT_PADDING = { x: 0.6, y: 0.35 };

/** Height of a table row whose cells wrap in columns `widths` wide at `fontSize`. */
function rowHeight(cells: readonly string[], widths: readonly number[], fontSize: number, bold: boolean, padding: { x: number; y: number }): number {
  const lines = Math.max(1, ...cells.map((cell, index) => wrapLines(cell, (widths[index] ?? 1) - 2 * padding.x - 0.04, fontSize, bold)));
  return (lines * fontSize * LINE_HEIGHT) / POINTS_PER_INCH + 2 * padding.y + 0.02;
}

/**
 * A real table (`<a:tbl>`): styled header row, banded or column-tinted body rows, text
 * sized so the table fits `box`. Returns where the table ends (estimated).
 */
export function addDataTable(ctx: SlideContext, table: Table, box: Box, style: TableStyle = {}): { bottom: number; fontSize: number; widths: number[] } {
  const columns = Math.max(table.header.cells.length, ...table.rows.map((row) => row.cells.length));
  if (columns === 0) return { bottom: box.y, fontSize: 0, widths: [] };
  const cellText = (cells: readonly { text: string }[]) =>
    Array.from({ length: columns }, (_, index) => displayText(cells[index]?.text ?? ''));
  // Cells are measured as plain text and drawn with their runs (a cell with no runs is empty).
  const cellRuns = (cells: readonly { runs: readonly DeckRun[] }[]) =>
    Array.from({ length: columns }, (_, index): string | PptxGenJS.TableCell[] => {
      const runs = cells[index]?.runs ?? [];
      return runs.length === 0 ? '' : paragraphRuns(displayRuns(runs), {});
    });
  const header = cellText(table.header.cells);
  const rows = table.rows.map((row) => cellText(row.cells));
  const headerRuns = cellRuns(table.header.cells);
  const rowRuns = table.rows.map((row) => cellRuns(row.cells));
  const widths = style.equalColumns ? header.map(() => box.w / columns) : columnWidths([header, ...rows], box.w);
  const ems = style.padding ?? DEFAULT_PADDING;
  // Padding in inches at a font size (cells are padded in ems of their text, as in the theme).
  const padding = (size: number) => ({ x: (ems.x * size) / POINTS_PER_INCH, y: (ems.y * size) / POINTS_PER_INCH });
  const indent = (size: number) => ((style.headerIndent ?? 0) * (size + 2)) / POINTS_PER_INCH;
  const headerWidths = (size: number) => widths.map((width) => width - indent(size));
  const measure = (size: number) =>
    rowHeight(header, headerWidths(size), size + 2, true, padding(size)) + rows.reduce((sum, row) => sum + rowHeight(row, widths, size, false, padding(size)), 0);
  const fontSize = fitFontSize(measure, box.h, BRAND_SIZES.table.max, BRAND_SIZES.table.min);
  const cellPadding = padding(fontSize);
  const margin: [number, number, number, number] = [cellPadding.y, cellPadding.x, cellPadding.y, cellPadding.x];
  const border = { type: 'solid' as const, pt: 0.75, color: BRAND_COLOURS.rule };
  const separated = (column: number, colour: string | undefined): PptxGenJS.TableCellProps['border'] => {
    const none = { type: 'none' as const };
    const white = { type: 'solid' as const, pt: 0.75, color: BRAND_COLOURS.paper };
    const gap = { type: 'solid' as const, pt: style.columnGap!, color: BRAND_COLOURS.paper };
    const left = column === 0 ? (colour ? { type: 'solid' as const, pt: 3, color: colour } : none) : gap;
    return [white, column < columns - 1 ? gap : none, white, left];
  };
  const headerRow: PptxGenJS.TableCell[] = headerRuns.map((text, index) => ({
    text,
    options: {
      bold: true,
      color: BRAND_COLOURS.onDark,
      fill: { color: style.headerFills?.[index] ?? BRAND_COLOURS.navy },
      fontSize: fontSize + 2,
      valign: 'bottom',
      ...(style.headerIndent ? { margin: [cellPadding.y, cellPadding.x, cellPadding.y, cellPadding.x + indent(fontSize)] } : {}),
      ...(style.columnGap !== undefined ? { border: separated(index, undefined) } : {}),
    },
  }));
  const bodyRows: PptxGenJS.TableCell[][] = rowRuns.map((row, rowIndex) =>
    row.map((text, index) => ({
      text,
      options: {
        color: BRAND_COLOURS.ink,
        fill: { color: style.columnFills?.[index] ?? (rowIndex % 2 === 0 ? BRAND_COLOURS.paper : BRAND_COLOURS.stripe) },
        ...(style.columnGap !== undefined ? { border: separated(index, style.headerFills?.[index]) } : {}),
      },
    })),
  );
  ctx.slide.addTable([headerRow, ...bodyRows], {
    x: box.x,
    y: box.y,
    w: box.w,
    colW: widths,
    fontFace: BRAND_FONT,
    fontSize,
    valign: 'top',
    margin,
    border: [border, border, border, border],
    autoPage: false,
    objectName: 'Table',
  });
  return { bottom: box.y + Math.min(box.h, measure(fontSize)), fontSize, widths };
}

/** Column widths: equal, unless a column's text is much longer than the rest. */
function columnWidths(rows: readonly string[][], width: number): number[] {
  const columns = rows[0]?.length ?? 1;
  const lengths = Array.from({ length: columns }, (_, index) =>
    Math.max(8, ...rows.map((row) => Math.min(60, (row[index] ?? '').length))),
  );
  const total = lengths.reduce((sum, length) => sum + Math.sqrt(length), 0);
  return lengths.map((length) => (width * Math.sqrt(length)) / total);
}
