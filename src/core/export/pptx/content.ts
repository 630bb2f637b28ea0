import type { BoldLead, Formula, Heading, List, Slide, TextRun } from '../../deck/types';

/**
 * A slide's text, read once for export: the title and subtitle, body paragraphs with
 * footnote source lines taken out, the source lines themselves, lists flattened into items,
 * and the blocks every slide type draws in its flow (other headings, code, formulas), all in
 * source order.
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

/** A heading that is neither the slide's title nor its subtitle (`#` under a `##` title, `####`…). */
export interface FlowHeading {
  kind: 'heading';
  level: number;
  text: string;
  runs: TextRun[];
  line: number;
}

/** A code block, drawn as monospace text in a box of its own. */
export interface FlowCode {
  kind: 'code';
  language: string;
  text: string;
  line: number;
}

/** A `$$…$$` formula, drawn centred on a line of its own. */
export interface FlowMath {
  kind: 'math';
  tex: string;
  /** What its run holds: the marker of an Office equation, or the TeX (see `equations.ts`). */
  drawn: string;
  line: number;
}

export type FlowBlock = FlowParagraph | FlowItem | FlowHeading | FlowCode | FlowMath;

export interface SlideText {
  /** The heading drawn in the title placeholder (covers: none, their fields are drawn apart). */
  title: Heading | undefined;
  /** The heading drawn under the title in teal. */
  subtitle: Heading | undefined;
  /** Paragraphs that are not footnote sources, in source order. */
  paragraphs: FlowParagraph[];
  /** Footnote source lines (`¹ Source …`), in source order. */
  sources: string[];
  /** Other headings, code blocks and block formulas: every slide type draws them in its flow. */
  extras: FlowBlock[];
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
export function slideText(slide: Slide, drawFormula: (formula: Formula) => string = (formula) => formula.tex): SlideText {
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
  const { title, subtitle } = titleHeadings(slide);
  const drawnApart = new Set([title, subtitle, ...coverHeadings(slide)]);
  const extras: FlowBlock[] = [
    ...slide.headings
      .filter((heading) => !drawnApart.has(heading))
      .map((heading): FlowHeading => ({ kind: 'heading', level: heading.level, text: displayText(heading.text), runs: displayRuns(heading.runs), line: heading.range.line })),
    ...slide.codeBlocks.map((code): FlowCode => ({ kind: 'code', language: code.language, text: code.text, line: code.range.line })),
    ...slide.formulas
      .filter((formula) => formula.display)
      .map((formula): FlowMath => ({ kind: 'math', tex: formula.tex, drawn: drawFormula(formula), line: formula.range.line })),
  ];
  return { title, subtitle, paragraphs, sources, extras };
}

/**
 * The title and subtitle drawn in their places: the house `##` title and the `###` under it;
 * on a slide that opens with `#` (as many Marp decks do), that heading, with a `##` right
 * after it as the subtitle. Covers draw their headings as cover fields.
 */
function titleHeadings(slide: Slide): { title: Heading | undefined; subtitle: Heading | undefined } {
  if (slide.cover) return { title: undefined, subtitle: undefined };
  const first = slide.headings[0];
  const [title, subtitle] = first?.level === 1 ? [first, slide.headings[1]?.level === 2 ? slide.headings[1] : undefined] : [slide.title, slide.subtitle];
  // A heading further down, after other content, stays in its place in the flow (reading order).
  return { title, subtitle: subtitle && title && !contentBetween(slide, title.range.line, subtitle.range.line) ? subtitle : undefined };
}

/** Whether a paragraph, list, table, code block, quote or picture starts between two lines. */
function contentBetween(slide: Slide, after: number, before: number): boolean {
  const starts = [...slide.paragraphs, ...slide.lists, ...slide.tables, ...slide.codeBlocks, ...slide.blockquotes, ...slide.images].map((block) => block.range.line);
  return starts.some((line) => line > after && line < before);
}

/** The headings a cover draws as its deck title and part title. */
function coverHeadings(slide: Slide): Heading[] {
  if (!slide.cover) return [];
  const lines = new Set([slide.cover.deckTitle?.range.line, slide.cover.partTitle?.range.line]);
  return slide.headings.filter((heading) => lines.has(heading.range.line));
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

/** Paragraphs, list items and the other blocks merged in source order. */
export function flowBlocks(paragraphs: readonly FlowParagraph[], lists: readonly List[], extras: readonly FlowBlock[] = []): FlowBlock[] {
  return [...paragraphs, ...lists.flatMap(listItems), ...extras].sort((a, b) => a.line - b.line);
}

/** Plain text of a block (for measuring and for checks): a formula's TeX. */
export function blockText(block: FlowBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.lines.join('\n');
    case 'math':
      return block.tex;
    default:
      return block.text;
  }
}
