/**
 * The deck model: one parse of a Marp deck, typed, with source ranges.
 *
 * Positions are 1-based. `endColumn` is exclusive (the column just past the last
 * character), as in SARIF regions and VS Code ranges, so an empty range marks an
 * insertion point.
 */

export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A piece of slide text with where it stands in the source. */
export interface TextSpan {
  text: string;
  range: SourceRange;
}

/**
 * A stretch of text in one format: `**bold**`, `*italic*` (both when nested), `` `code` ``.
 * A line break inside a span is a `\n` in the run it falls in, as in the plain text.
 */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** An inline formula (`$…$`): `text` is its TeX, without the dollars. */
  math?: true;
}

/** A text span whose inline formatting is kept: `runs` joined is exactly `text`. */
export interface RichTextSpan extends TextSpan {
  runs: TextRun[];
}

/** The house slide types are declared in src/core/slide-types, one file a type. */
import type { SlideType } from '../slide-types';

export type { SlideType };

export interface Heading extends RichTextSpan {
  level: number;
}

/** `**Name** – description`: a list item that leads with bold text. */
export interface BoldLead {
  bold: string;
  rest: string;
  /** The runs of `rest`. */
  restRuns: TextRun[];
}

export interface ListItem extends RichTextSpan {
  /** 1 for a top-level item, 2 for an item nested once, … */
  depth: number;
  boldLead: BoldLead | undefined;
  /** Words of the item's own text (nested items not counted). */
  wordCount: number;
  children: List[];
}

export interface List {
  ordered: boolean;
  depth: number;
  range: SourceRange;
  items: ListItem[];
}

/** A table cell: `text` is its plain text, `raw` the cell as written (trimmed, markup kept). */
export interface TableCell extends RichTextSpan {
  raw: string;
}

export interface TableRow {
  /** Every cell the source writes, empty ones included, so columns line up. */
  cells: TableCell[];
  range: SourceRange;
}

export interface Table {
  range: SourceRange;
  header: TableRow;
  rows: TableRow[];
}

export interface Image {
  /** The path as the author wrote it: angle brackets unwrapped, escapes and `%20` decoded. */
  src: string;
  alt: string;
  /** `![alt](path)` as a whole. */
  range: SourceRange;
  /** The path alone. */
  pathRange: SourceRange;
}

/** A formula as Marp's math plugin reads it: `$…$` inline, `$$…$$` as a block of its own. */
export interface Formula {
  /** The TeX between the dollars, as written (trimmed). */
  tex: string;
  /** `$$…$$`: drawn on its own, centred. */
  display: boolean;
  /** The formula with its dollars (a block: from its first `$$` line to its last). */
  range: SourceRange;
}

/** A fenced (```` ```lang ````) or indented code block. */
export interface CodeBlock {
  /** The fence's language word (`js`, `python`…), empty when none is given. */
  language: string;
  /** The code as written, without the fences and without the last line break. */
  text: string;
  /** The block with its fences. */
  range: SourceRange;
}

export interface Paragraph extends RichTextSpan {
  /** The paragraph's lines as written (a soft line break splits them), each with its range and runs. */
  lines: RichTextSpan[];
}

export interface FootnoteMarker {
  /** Normalised to the digit string: `¹` and `<sup>1</sup>` are both `1`. */
  marker: string;
  range: SourceRange;
}

export interface Directive {
  name: string;
  value: string;
  /** From the name to the end of the value as written (quotes included). */
  range: SourceRange;
  /** The value itself, inside any quotes. */
  valueRange: SourceRange;
  /** Where the directive was written. */
  origin: 'front-matter' | 'comment';
}

export interface CoverFields {
  series: TextSpan | undefined;
  date: TextSpan | undefined;
  deckTitle: TextSpan | undefined;
  partTitle: TextSpan | undefined;
  agenda: TextSpan[];
  presenter: TextSpan | undefined;
  organisation: TextSpan | undefined;
}

export interface Slide {
  /** 0-based position in the deck. */
  index: number;
  /** The slide as a whole, from its first line to its last. */
  range: SourceRange;
  /** Where a problem about the slide as a whole is reported: its first line of content. */
  anchor: SourceRange;
  /** The class Marp resolves for the slide (`_class`, inherited `class` or front-matter), if any. */
  className: string | undefined;
  /** The `class`/`_class` directive that set the class on or before this slide. */
  classDirective: Directive | undefined;
  /** The slide type: the class when it names a house type, `content` when unset. */
  type: SlideType | undefined;
  directives: Directive[];
  headings: Heading[];
  /** The first `##` heading. */
  title: Heading | undefined;
  /** The first `###` heading after the title. */
  subtitle: Heading | undefined;
  paragraphs: Paragraph[];
  lists: List[];
  tables: Table[];
  images: Image[];
  /** Each blockquote's text: its paragraphs (and any list items in it) joined with `\n`. */
  blockquotes: RichTextSpan[];
  footnoteMarkers: FootnoteMarker[];
  footnoteSources: FootnoteMarker[];
  notes: TextSpan[];
  /**
   * The slide holds a code fence, HTML comment or `<style>` that is never closed: it runs on
   * to the end of the deck, so nothing can be inserted after the slide.
   */
  openEnded: boolean;
  /** Every formula of the slide, inline and block, in source order. */
  formulas: Formula[];
  codeBlocks: CodeBlock[];
  /**
   * The text Marp draws in the slide's header and footer: the `header`/`footer` directive in
   * force on the slide (Markdown, read as inline text), with the directive's range.
   */
  header: RichTextSpan | undefined;
  footer: RichTextSpan | undefined;
  /** Present when the slide is a cover. */
  cover: CoverFields | undefined;
}

export interface Part {
  index: number;
  /** Indices into `Deck.slides`. */
  slideIndices: number[];
  title: string | undefined;
}

export interface FrontMatterEntry {
  key: string;
  value: unknown;
  keyRange: SourceRange;
  valueRange: SourceRange;
}

export interface FrontMatter {
  /** From the opening `---` to the closing `---`, both included (to the end of the deck when never closed). */
  range: SourceRange;
  /** False when no line closes it: Marp then reads the whole deck as front-matter. */
  closed: boolean;
  data: Record<string, unknown>;
  entries: FrontMatterEntry[];
  error: { message: string; range: SourceRange } | undefined;
}

export interface InlineConfigComment {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Empty means every rule. */
  rules: string[];
  line: number;
}

export interface Deck {
  file: string | undefined;
  /** The text as read, less a byte-order mark. */
  source: string;
  lines: string[];
  frontMatter: FrontMatter | undefined;
  /** Global and local directives, in source order. */
  directives: Directive[];
  slides: Slide[];
  parts: Part[];
  /**
   * The prose of the deck, in source order: text a reader reads as words, each span on one
   * line and equal to its source text. Code, HTML, `<style>`, images, links' targets, URLs,
   * math, comments, directives and front-matter are never prose. Text rules edit prose only.
   */
  prose: TextSpan[];
  /** The source lines with everything but prose blanked to spaces (columns kept), for word checks. */
  proseLines: string[];
  /**
   * The source lines with everything but shown text blanked: prose and the HTML tags typed in
   * it (raw HTML off shows them as text; the `raw-html` rule names them).
   */
  shownLines: string[];
  inlineConfig: InlineConfigComment[];
  /**
   * Set when the deck is past a budget (slides, YAML aliases) and was not parsed: the deck
   * then has no slides, and the CLI and the editor report this one line instead of problems.
   */
  refused: DeckRefusal | undefined;
}

/** Why a deck was not parsed: a budget it is past, and the line where it ran out. */
export interface DeckRefusal {
  message: string;
  line: number;
}
