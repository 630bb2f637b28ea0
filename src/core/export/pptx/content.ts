import type { BoldLead, List, Slide, TextRun } from '../../deck/types';

/**
 * A slide's text, read once for export: body paragraphs with footnote source lines taken
 * out, the source lines themselves, and lists flattened into items, all in source order.
 */

export interface FlowParagraph {
  kind: 'paragraph';
  /** The paragraph's lines as written (Marp draws a soft line break as a line break). */
  lines: string[];
  /** Each line's runs (bold, italic, code), as drawn. */
  lineRuns: TextRun[][];
  line: number;
  endLine: number;
}

export interface FlowItem {
  kind: 'item';
  text: string;
  /** The item's runs (bold, italic, code), as drawn. */
  runs: TextRun[];
  boldLead: BoldLead | undefined;
  /** 1 for a top-level item, 2 for an item nested once, … */
  depth: number;
  ordered: boolean;
  line: number;
}

export type FlowBlock = FlowParagraph | FlowItem;

export interface SlideText {
  /** Paragraphs that are not footnote sources, in source order. */
  paragraphs: FlowParagraph[];
  /** Footnote source lines (`¹ Source …`), in source order. */
  sources: string[];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Slide text as drawn: `<sup>1</sup>` (left literal because raw HTML is off) becomes `¹`. */
export function displayText(text: string): string {
  return text.replace(/<sup>\s*(\d+)\s*<\/sup>/g, (_, digits: string) =>
    [...digits].map((digit) => SUPERSCRIPT[Number(digit)] ?? digit).join(''),
  );
}

/** Runs as drawn (see `displayText`); a marker split across runs by formatting stays as written. */
export function displayRuns(runs: readonly TextRun[]): TextRun[] {
  return runs.map((run) => ({ ...run, text: displayText(run.text) }));
}

/**
 * Splits a slide's paragraphs into body text and footnote sources. A source starts at a
 * line the deck model marks as a footnote source and runs to the end of its paragraph.
 */
export function slideText(slide: Slide): SlideText {
  const sourceLines = new Set(slide.footnoteSources.map((source) => source.range.line));
  const paragraphs: FlowParagraph[] = [];
  const sources: string[] = [];
  for (const paragraph of slide.paragraphs) {
    const body: string[] = [];
    const bodyRuns: TextRun[][] = [];
    let inSource = false;
    for (const line of paragraph.lines) {
      const text = displayText(line.text);
      if (sourceLines.has(line.range.line)) {
        inSource = true;
        sources.push(text);
      } else if (inSource) {
        sources[sources.length - 1] += ` ${text}`;
      } else {
        body.push(text);
        bodyRuns.push(displayRuns(line.runs));
      }
    }
    if (body.length > 0) {
      paragraphs.push({ kind: 'paragraph', lines: body, lineRuns: bodyRuns, line: paragraph.range.line, endLine: paragraph.range.endLine });
    }
  }
  return { paragraphs, sources };
}

/** A list's items, depth first, as flow items. */
export function listItems(list: List): FlowItem[] {
  const items: FlowItem[] = [];
  for (const item of list.items) {
    items.push({
      kind: 'item',
      text: displayText(item.text),
      runs: displayRuns(item.runs),
      boldLead: item.boldLead && {
        bold: displayText(item.boldLead.bold),
        rest: displayText(item.boldLead.rest),
        restRuns: displayRuns(item.boldLead.restRuns),
      },
      depth: item.depth,
      ordered: list.ordered,
      line: item.range.line,
    });
    for (const child of item.children) items.push(...listItems(child));
  }
  return items;
}

/** Paragraphs and list items merged in source order. */
export function flowBlocks(paragraphs: readonly FlowParagraph[], lists: readonly List[]): FlowBlock[] {
  return [...paragraphs, ...lists.flatMap(listItems)].sort((a, b) => a.line - b.line);
}

/** Plain text of a block (for measuring and for checks). */
export function blockText(block: FlowBlock): string {
  return block.kind === 'paragraph' ? block.lines.join('\n') : block.text;
}
