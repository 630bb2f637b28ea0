import { Marp } from '@marp-team/marp-core';
import { useLinearRules } from '../marp-linear';
import { HOUSE_MARP_OPTIONS, mathPlugin } from '../marp-options';
import { extractCover } from './cover';
import { parseFrontMatter } from './front-matter';
import { findFootnotes } from './footnotes';
import { decodePath, writtenImages } from './images';
import { isUnclosedBlock } from './blocks';
import { checkDeckBudgets } from './budgets';
import { commentKeys, directiveValue, inlineConfigOf, type CommentKey } from './comments';
import { blockContentLines, cellContentLine, contentPosition, headingContentLine, OFFSET_META, proseLinesOf, proseSpans, trackProse, type ContentLine } from './prose';
import { concatRuns, plainRuns, readInlineRuns, runsText, sliceRuns, splitRunLines, trimRuns, type InlineRuns } from './runs';
import { sourceCells } from './table-cells';
import { blockRange, lineContentRange, rangeOf, splitLines, stripByteOrderMark, wellFormed } from './source-text';
import type {
  BoldLead,
  Deck,
  DeckRefusal,
  Directive,
  Formula,
  FrontMatter,
  InlineConfigComment,
  Heading,
  List,
  ListItem,
  Paragraph,
  Part,
  RichTextSpan,
  Slide,
  SourceRange,
  Table,
  TableRow,
  TextRun,
  TextSpan,
} from './types';
import { isSlideType } from '../slide-types';
import type { MarkdownToken } from './markdown-token';

let parser: Marp | undefined;

/**
 * One Marp instance, made on first use: building it costs more than a parse. marp-core 5
 * reads `$…$` as math only with a math library registered; KaTeX is loaded only to draw,
 * so registering it costs a parse nothing.
 */
function marpParser(): Marp {
  if (!parser) {
    parser = new Marp(HOUSE_MARP_OPTIONS).use(mathPlugin());
    useLinearRules(parser);
    trackProse(parser.markdown);
  }
  return parser;
}

export function tokenize(source: string): MarkdownToken[] {
  return marpParser().markdown.parse(wellFormed(source), {}) as MarkdownToken[];
}

/** Marp's tokens grouped by slide, from `marpit_slide_open` to `marpit_slide_close`; wrappers dropped. */
export function tokenizeSlides(source: string): MarkdownToken[][] {
  const slides: MarkdownToken[][] = [];
  let current: MarkdownToken[] | undefined;
  for (const token of tokenize(source)) {
    if (token.type === 'marpit_slide_open') slides.push((current = []));
    current?.push(token);
    if (token.type === 'marpit_slide_close') current = undefined;
  }
  return slides;
}

/**
 * Reads a deck once into the typed model every rule and renderer works from. Never throws on
 * content; a deck past a budget (src/core/deck/budgets.ts) comes back `refused`, unparsed.
 */
export function parseDeck(text: string, file?: string): Deck {
  const source = stripByteOrderMark(text);
  const lines = splitLines(source);
  const refused = checkDeckBudgets(lines);
  if (refused) return refusedDeck(source, lines, file, refused);
  return buildDeck(source, lines, tokenizeSlides(source), file);
}

/** A deck past a budget: its text, no slides, and why. */
export function refusedDeck(source: string, lines: string[], file: string | undefined, refused: DeckRefusal): Deck {
  return {
    file,
    source,
    lines,
    frontMatter: undefined,
    directives: [],
    slides: [],
    parts: [],
    prose: [],
    proseLines: lines.map((line) => ' '.repeat(line.length)),
    shownLines: lines.map((line) => ' '.repeat(line.length)),
    inlineConfig: [],
    refused,
  };
}

/** Builds the model from Marp's tokens, grouped by slide, with absolute line maps. */
export function buildDeck(source: string, lines: string[], slideTokens: readonly MarkdownToken[][], file: string | undefined): Deck {
  const builder = new DeckBuilder(lines);
  for (const tokens of slideTokens) for (const token of tokens) builder.accept(token);
  const slides = builder.finish();
  return {
    file,
    source,
    lines,
    frontMatter: builder.frontMatter,
    directives: builder.directives,
    slides,
    parts: groupParts(slides),
    prose: builder.prose,
    proseLines: proseLinesOf(lines, builder.prose),
    shownLines: proseLinesOf(lines, builder.shown),
    inlineConfig: builder.inlineConfig,
    refused: undefined,
  };
}

/** Plain text of an inline token: markup dropped, line breaks as `\n`, images left out. */
export function inlineText(token: MarkdownToken | undefined): string {
  return readInlineRuns(token?.children ?? []).text;
}

/** `**Name** – rest`: the text up to the first `strong_close` of an inline that opens bold, and what follows the dash. */
function boldLead({ text, runs, leadEnd }: InlineRuns): BoldLead | undefined {
  if (leadEnd === undefined) return undefined;
  const bold = text.slice(0, leadEnd).trim();
  const restStart = leadEnd + (/^\s*[–—:-]?\s*/.exec(text.slice(leadEnd))?.[0].length ?? 0);
  const restRuns = trimRuns(sliceRuns(runs, restStart));
  return { bold, rest: runsText(restRuns), restRuns };
}

function countWords(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

interface OpenList {
  list: List;
  item: ListItem | undefined;
}

interface SlideDraft {
  slide: Slide;
  startLine: number;
  /** The `header`/`footer` directives in force on the slide (spot ones win), for the bands' ranges. */
  bands: BandDirectives;
}

type Band = 'header' | 'footer';
type BandDirectives = Partial<Record<Band, Directive>>;

interface InlineProse {
  /** Where the inline's content stood: its kind and content lines (line and columns). */
  where: string;
  prose: readonly TextSpan[];
  shown: readonly TextSpan[];
}

/** The prose spans of inline tokens, by token, while the editor's parser keeps the token. */
const proseCache = new WeakMap<MarkdownToken, InlineProse>();

/**
 * Where content lines start (line, column) and how many there are. The same token stands on
 * the same source text (the editor's parser re-parses any slide whose lines changed), so this
 * tells whether its spans still hold.
 */
function placeKey(contentLines: readonly ContentLine[] | undefined): string {
  const first = contentLines?.[0];
  if (!first) return '';
  const column = typeof first.columns === 'number' ? first.columns : (first.columns[0] ?? 0);
  return `${first.line}:${column}:${contentLines.length}`;
}

/** Walks Marp's token stream once, building slides as it goes. */
class DeckBuilder {
  frontMatter: FrontMatter | undefined;
  readonly directives: Directive[] = [];
  readonly prose: TextSpan[] = [];
  readonly shown: TextSpan[] = [];
  readonly inlineConfig: InlineConfigComment[] = [];
  private readonly drafts: SlideDraft[] = [];
  private readonly openLists: OpenList[] = [];
  private blockquoteDepth = 0;
  private blockquoteStart = 0;
  private blockquoteEnd = 0;
  private blockquoteText: string[] = [];
  private blockquoteRuns: TextRun[][] = [];
  private table: { range: SourceRange; rows: TableRow[] } | undefined;
  private row: TableRow | undefined;
  private inlineKind: 'heading' | 'paragraph' | 'cell' | undefined;
  private headingLevel = 0;
  /** `#` for an ATX heading; `=` or `-` for a setext one (its text runs over whole lines). */
  private headingMarkup = '';
  private paragraphLine = 0;
  private inheritedClass: Directive | undefined;
  private inheritedBands: BandDirectives = {};
  private inThemeBand = false;
  private cellIndex = 0;

  constructor(private readonly lines: readonly string[]) {}

  private get current(): Slide | undefined {
    return this.drafts.at(-1)?.slide;
  }

  accept(token: MarkdownToken): void {
    const slide = this.current;
    if (slide && !slide.openEnded && isUnclosedBlock(token, this.lines)) slide.openEnded = true;
    switch (token.type) {
      case 'marpit_slide_open':
        return this.openSlide(token);
      case 'front_matter':
        return this.readFrontMatter(token);
      case 'marpit_comment':
        return this.readComment(token);
      case 'heading_open':
        this.inlineKind = 'heading';
        this.headingLevel = Number(token.tag.slice(1));
        this.headingMarkup = token.markup;
        return;
      case 'paragraph_open':
        this.inlineKind = 'paragraph';
        this.paragraphLine = (token.map?.[0] ?? 0) + 1;
        return;
      case 'marpit_header_open':
      case 'marpit_footer_open':
        this.inThemeBand = true;
        return;
      case 'marpit_header_close':
      case 'marpit_footer_close':
        this.inThemeBand = false;
        return;
      case 'inline':
        // Header and footer directives' text is drawn by Marp in the theme's bands, not in the
        // slide's flow; the model reads it from the directive in force (see `bandText`).
        if (!this.inThemeBand) this.readInline(token);
        return;
      case 'marp_math_block':
        return this.readMathBlock(token);
      case 'marpit_hidden_inline':
        // Marpit hides an empty table cell and a paragraph of background images only.
        return this.readHiddenInline(token);
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.openList(token);
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.openLists.pop();
        return;
      case 'list_item_open':
        return this.openListItem(token);
      case 'blockquote_open':
        if (this.blockquoteDepth++ === 0) {
          this.blockquoteStart = (token.map?.[0] ?? 0) + 1;
          this.blockquoteEnd = token.map?.[1] ?? this.blockquoteStart;
          this.blockquoteText = [];
          this.blockquoteRuns = [];
        }
        return;
      case 'blockquote_close':
        if (--this.blockquoteDepth === 0) this.closeBlockquote();
        return;
      case 'table_open':
        this.table = { range: this.mapRange(token), rows: [] };
        return;
      case 'tr_open':
        return this.openRow(token);
      case 'th_open':
      case 'td_open':
        this.inlineKind = 'cell';
        return;
      case 'tr_close':
        if (this.row) this.table?.rows.push(this.row);
        this.row = undefined;
        return;
      case 'table_close':
        return this.closeTable();
      case 'fence':
      case 'code_block':
        // Code is not prose: prose comes from markdown-it's text tokens only (prose.ts).
        return this.readCodeBlock(token);
      default:
        return;
    }
  }

  finish(): Slide[] {
    const lastLine = this.lines.length;
    return this.drafts.map((draft, index) => {
      const next = this.drafts[index + 1];
      const endLine = lastContentLine(this.lines, draft.startLine, next ? next.startLine - 1 : lastLine);
      const slide = draft.slide;
      resolveType(slide);
      slide.range = blockRange(this.lines, draft.startLine, Math.max(endLine, draft.startLine));
      slide.anchor = lineContentRange(this.lines, firstContentLine(slide) ?? draft.startLine);
      const footnotes = findFootnotes(this.lines, slide, draft.startLine, endLine);
      slide.footnoteMarkers = footnotes.markers;
      slide.footnoteSources = footnotes.sources;
      if (slide.type === 'cover') slide.cover = extractCover(slide);
      slide.header = bandText(draft.bands.header);
      slide.footer = bandText(draft.bands.footer);
      return slide;
    });
  }

  private openSlide(token: MarkdownToken): void {
    const startLine = (token.map?.[0] ?? 0) + 1;
    const empty = rangeOf(startLine, 1, startLine, 1);
    this.drafts.push({
      startLine,
      bands: { ...this.inheritedBands },
      slide: {
        index: this.drafts.length,
        range: empty,
        anchor: empty,
        className: undefined,
        classDirective: this.inheritedClass,
        type: undefined,
        directives: [],
        headings: [],
        title: undefined,
        subtitle: undefined,
        paragraphs: [],
        lists: [],
        tables: [],
        images: [],
        blockquotes: [],
        footnoteMarkers: [],
        footnoteSources: [],
        notes: [],
        openEnded: false,
        formulas: [],
        codeBlocks: [],
        header: undefined,
        footer: undefined,
        cover: undefined,
      },
    });
  }

  private readFrontMatter(token: MarkdownToken): void {
    const [start, end] = token.map ?? [0, 0];
    this.frontMatter = parseFrontMatter(this.lines, start + 1, end, !isUnclosedBlock(token, this.lines));
    for (const entry of this.frontMatter.entries) {
      const directive: Directive = {
        name: entry.key,
        value: directiveValue(entry.value),
        range: rangeOf(entry.keyRange.line, entry.keyRange.column, entry.valueRange.endLine, entry.valueRange.endColumn),
        valueRange: entry.valueRange,
        origin: 'front-matter',
      };
      this.directives.push(directive);
      if (entry.key === 'class') this.inheritedClass = directive;
      this.noteBandDirective(directive);
    }
    const first = this.current;
    if (first) first.classDirective = this.inheritedClass;
  }

  private readComment(token: MarkdownToken): void {
    const [start, end] = token.map ?? [0, 0];
    this.readCommentAt(token, blockRange(this.lines, start + 1, end));
  }

  /**
   * A comment, on its own lines or inside a paragraph (Marpit reads directives from both):
   * its directives, an `isdeck-` comment, or else a presenter note. `range` is where it is written.
   */
  private readCommentAt(token: MarkdownToken, range: SourceRange): void {
    const slide = this.current;
    const parsed = (token.meta?.marpitParsedDirectives ?? {}) as Record<string, unknown>;
    // Marpit marks the comments it took as directives (`directive`) or as other tools' magic
    // comments; any other comment is a presenter note, even one that reads as YAML
    // (`Timing: 5 minutes`, `Note: …`).
    const marked = token.meta?.marpitCommentParsed as string | undefined;
    const names = marked === 'directive' ? Object.keys(parsed) : [];
    if (names.length === 0) {
      const text = token.content.trim();
      const config = inlineConfigOf(text, range.line);
      if (config) this.inlineConfig.push(config);
      else if (slide && text !== '' && marked === undefined) slide.notes.push({ text, range });
      return;
    }
    const keys = commentKeys(this.lines, range.line, range.endLine);
    for (const name of names) {
      const directive = this.locateDirective(name, directiveValue(parsed[name]), keys.get(name), range.line);
      this.directives.push(directive);
      slide?.directives.push(directive);
      if (slide && name === 'class') {
        this.inheritedClass = directive;
        if (slide.classDirective?.name !== '_class') slide.classDirective = directive;
      }
      if (slide && name === '_class') slide.classDirective = directive;
      this.noteBandDirective(directive);
    }
  }

  /** Keeps the `header`/`footer` directive in force: `header` from here on, `_header` on this slide only. */
  private noteBandDirective(directive: Directive): void {
    const band = directive.name.replace(/^_/, '');
    if (band !== 'header' && band !== 'footer') return;
    const draft = this.drafts.at(-1);
    if (directive.name === band) this.inheritedBands[band] = directive;
    if (draft && (directive.name !== band || draft.bands[band]?.name !== `_${band}`)) draft.bands[band] = directive;
  }

  private readMathBlock(token: MarkdownToken): void {
    const [start, end] = token.map ?? [0, 1];
    this.current?.formulas.push({ tex: token.content.trim(), display: true, range: blockRange(this.lines, start + 1, lastContentLine(this.lines, start + 1, end)) });
  }

  /** Inline formulas of an inline token, each found on the token's lines after the one before it. */
  private readInlineFormulas(slide: Slide, token: MarkdownToken): void {
    const formulas = (token.children ?? []).filter((child) => child.type === 'marp_math_inline');
    if (formulas.length === 0) return;
    const [start, end] = this.inlineLines(token);
    let line = start + 1;
    let column = 1;
    for (const child of formulas) {
      const written = `$${child.content}$`;
      let found: Formula['range'] | undefined;
      for (let at = line; at <= end && !found; at++) {
        const index = (this.lines[at - 1] ?? '').indexOf(written, at === line ? column - 1 : 0);
        if (index >= 0) found = rangeOf(at, index + 1, at, index + 1 + written.length);
      }
      const range = found ?? lineContentRange(this.lines, line);
      slide.formulas.push({ tex: child.content.trim(), display: false, range });
      line = range.line;
      column = range.endColumn;
    }
  }

  private readCodeBlock(token: MarkdownToken): void {
    const [start, end] = token.map ?? [0, 1];
    const language = token.type === 'fence' ? (token.info.trim().split(/\s+/)[0] ?? '') : '';
    this.current?.codeBlocks.push({
      language,
      text: token.content.replace(/\n$/, ''),
      range: blockRange(this.lines, start + 1, lastContentLine(this.lines, start + 1, end)),
    });
  }

  /** The directive's range from where its key is written in the comment (found by {@link commentKeys}). */
  private locateDirective(name: string, value: string, key: CommentKey | undefined, firstLine: number): Directive {
    if (!key) {
      const fallback = lineContentRange(this.lines, firstLine);
      return { name, value, range: fallback, valueRange: fallback, origin: 'comment' };
    }
    const { line, column, afterColon } = key;
    const text = this.lines[line - 1] ?? '';
    const closing = text.indexOf('-->', afterColon);
    const written = text.slice(afterColon, closing < 0 ? text.length : closing).trimEnd();
    const writtenStart = afterColon + (written.length - written.trimStart().length);
    const writtenEnd = afterColon + written.length;
    const bareAt = value === '' ? -1 : text.indexOf(value, writtenStart);
    const valueRange =
      bareAt >= 0 && bareAt + value.length <= writtenEnd
        ? rangeOf(line, bareAt + 1, line, bareAt + value.length + 1)
        : rangeOf(line, writtenStart + 1, line, writtenEnd + 1);
    return { name, value, range: rangeOf(line, column + 1, line, writtenEnd + 1), valueRange, origin: 'comment' };
  }

  private readInline(token: MarkdownToken): void {
    const slide = this.current;
    if (!slide || !token.map && this.inlineKind !== 'cell') return;
    // One walk over the inline's children gives the plain text and its runs together.
    const inline = readInlineRuns(token.children ?? []);
    const text = inline.text.trim();
    const runs = trimRuns(inline.runs);
    this.collectProse(token);
    this.collectImages(slide, token);
    this.readInlineFormulas(slide, token);
    if (this.inlineKind === 'cell') return this.fillCell(text, runs);
    if (this.inlineKind === 'heading') return this.addHeading(slide, token, text, runs);
    const item = this.openLists.at(-1)?.item;
    if (item && item.text === '' && this.blockquoteDepth === 0) return this.fillListItem(item, inline, text, runs);
    if (this.blockquoteDepth > 0) {
      this.blockquoteText.push(text);
      this.blockquoteRuns.push(runs);
      return;
    }
    if (this.openLists.length === 0) slide.paragraphs.push(this.paragraph(token, inline, text, runs));
  }

  /** The inline's prose spans and its comments, placed by where its content stands in the source. */
  private collectProse(token: MarkdownToken): void {
    const contentLines = this.contentLines(token);
    const spans = this.proseOf(token, contentLines);
    for (const span of spans.prose) this.prose.push(span);
    for (const span of spans.shown) this.shown.push(span);
    for (const child of token.children ?? []) {
      const offset = child.meta?.[OFFSET_META];
      if (child.type !== 'marpit_comment' || typeof offset !== 'number') continue;
      const from = contentPosition(contentLines, offset);
      const to = contentPosition(contentLines, offset + child.markup.length);
      const fallback = lineContentRange(this.lines, (token.map?.[0] ?? 0) + 1);
      this.readCommentAt(child, from && to ? rangeOf(from.line, from.column, to.line, to.column) : fallback);
    }
  }

  /**
   * The inline's prose and shown spans. The editor's parser hands over the same token objects
   * for the slides an edit did not touch, on the same lines: their spans are taken from the
   * last build instead of being found again (most of a re-parse went there).
   */
  private proseOf(token: MarkdownToken, contentLines: readonly ContentLine[] | undefined): InlineProse {
    const where = `${this.inlineKind ?? ''}:${placeKey(contentLines)}`;
    const cached = proseCache.get(token);
    if (cached && cached.where === where) return cached;
    const prose: InlineProse = { where, prose: proseSpans(token, contentLines), shown: proseSpans(token, contentLines, true) };
    proseCache.set(token, prose);
    return prose;
  }

  private contentLines(token: MarkdownToken): ContentLine[] | undefined {
    if (this.inlineKind === 'cell') {
      const cell = this.row?.cells[this.cellIndex];
      return cell && cellContentLine(this.lines, token.content, cell.range.line, cell.range.column - 1);
    }
    if (!token.map) return undefined;
    const line = token.map[0] + 1;
    if (this.inlineKind === 'heading' && this.headingMarkup.startsWith('#')) return headingContentLine(this.lines, token.content, line);
    return blockContentLines(this.lines, token.content, line);
  }

  private addHeading(slide: Slide, token: MarkdownToken, text: string, runs: TextRun[]): void {
    const line = (token.map?.[0] ?? 0) + 1;
    const heading: Heading = { text, runs, level: this.headingLevel, range: lineContentRange(this.lines, line) };
    slide.headings.push(heading);
    if (heading.level === 2 && !slide.title) slide.title = heading;
    else if (heading.level === 3 && slide.title && !slide.subtitle) slide.subtitle = heading;
  }

  private paragraph(token: MarkdownToken, inline: InlineRuns, text: string, runs: TextRun[]): Paragraph {
    const [start, end] = token.map ?? [0, 1];
    const lines: RichTextSpan[] = [];
    if (!inline.text.includes('\n')) {
      if (text !== '') lines.push({ text, runs, range: lineContentRange(this.lines, this.paragraphLine) });
      return { text, runs, lines, range: blockRange(this.lines, start + 1, end) };
    }
    splitRunLines(inline.runs).forEach((lineRuns, offset) => {
      const trimmed = trimRuns(lineRuns);
      if (trimmed.length > 0) {
        lines.push({ text: runsText(trimmed), runs: trimmed, range: lineContentRange(this.lines, this.paragraphLine + offset) });
      }
    });
    return { text, runs, lines, range: blockRange(this.lines, start + 1, end) };
  }

  private fillListItem(item: ListItem, inline: InlineRuns, text: string, runs: TextRun[]): void {
    item.text = text;
    item.runs = runs;
    item.boldLead = boldLead(inline);
    item.wordCount = countWords(text);
  }

  private readHiddenInline(token: MarkdownToken): void {
    const slide = this.current;
    if (!slide) return;
    // Marpit hides an inline that holds only comments too: their directives still apply.
    this.collectProse(token);
    this.collectImages(slide, token);
    if (this.inlineKind === 'cell') this.fillCell('', []);
  }

  private openRow(token: MarkdownToken): void {
    const line = (token.map?.[0] ?? 0) + 1;
    this.row = { cells: sourceCells(this.lines, line), range: lineContentRange(this.lines, line) };
    this.cellIndex = 0;
  }

  /** Gives the next written cell of the row its plain text; a cell past the header's count is dropped, as markdown-it does. */
  private fillCell(text: string, runs: TextRun[]): void {
    const cell = this.row?.cells[this.cellIndex++];
    if (cell) {
      cell.text = text;
      cell.runs = runs;
    }
  }

  private collectImages(slide: Slide, token: MarkdownToken): void {
    const images = (token.children ?? []).filter((child) => child.type === 'image');
    if (images.length === 0) return;
    const [start, end] = this.inlineLines(token);
    const written = writtenImages(this.lines, start + 1, end);
    images.forEach((child, index) => {
      // Pair by order when the source shows exactly these images; a reference-style image
      // (`![alt][ref]`) or one inside code text leaves the counts unequal.
      const source = written.length === images.length ? written[index] : undefined;
      const src = source?.src ?? decodePath(child.attrGet('src') ?? '');
      const range = source?.range ?? lineContentRange(this.lines, start + 1);
      slide.images.push({ src, alt: child.content, range, pathRange: source?.pathRange ?? range });
    });
  }

  /** The 0-based line map of an inline token; a table cell's (which has none) is its row's line. */
  private inlineLines(token: MarkdownToken): [number, number] {
    return token.map ?? [(this.row?.range.line ?? 1) - 1, this.row?.range.line ?? 1];
  }

  private openList(token: MarkdownToken): void {
    const parent = this.openLists.at(-1);
    const depth = (parent?.list.depth ?? 0) + 1;
    const list: List = { ordered: token.type === 'ordered_list_open', depth, range: this.mapRange(token), items: [] };
    if (parent?.item) parent.item.children.push(list);
    else this.current?.lists.push(list);
    this.openLists.push({ list, item: undefined });
  }

  private openListItem(token: MarkdownToken): void {
    const open = this.openLists.at(-1);
    if (!open) return;
    const line = (token.map?.[0] ?? 0) + 1;
    const item: ListItem = {
      text: '',
      runs: [],
      range: lineContentRange(this.lines, line),
      depth: open.list.depth,
      boldLead: undefined,
      wordCount: 0,
      children: [],
    };
    open.list.items.push(item);
    open.item = item;
  }

  private closeBlockquote(): void {
    const end = lastContentLine(this.lines, this.blockquoteStart, this.blockquoteEnd);
    const range = blockRange(this.lines, this.blockquoteStart, end);
    const newline = plainRuns('\n');
    const runs = concatRuns(...this.blockquoteRuns.flatMap((paragraph, index) => (index === 0 ? [paragraph] : [newline, paragraph])));
    this.current?.blockquotes.push({ text: this.blockquoteText.join('\n'), runs, range });
  }

  private closeTable(): void {
    const table = this.table;
    this.table = undefined;
    const [header, ...rows] = table?.rows ?? [];
    if (table && header) this.current?.tables.push({ range: table.range, header, rows } satisfies Table);
  }

  private mapRange(token: MarkdownToken): SourceRange {
    const [start, end] = token.map ?? [0, 1];
    return blockRange(this.lines, start + 1, lastContentLine(this.lines, start + 1, end));
  }
}

/**
 * The text Marp draws for a `header`/`footer` directive: its value read as inline Markdown,
 * at the value's range. Read from the directive in force rather than from Marpit's header
 * tokens so that a slide parsed on its own (incremental parsing) gets what it inherits.
 */
function bandText(directive: Directive | undefined): RichTextSpan | undefined {
  if (!directive) return undefined;
  const [inline] = marpParser().markdown.parseInline(directive.value, {}) as MarkdownToken[];
  const runs = readInlineRuns(inline?.children ?? []);
  const text = runs.text.trim();
  return text === '' ? undefined : { text, runs: trimRuns(runs.runs), range: directive.valueRange };
}

/**
 * The slide's class as Marpit resolves it: a spot `_class` on the slide, else the last
 * `class` set on or before it (comment or front-matter). Resolved here rather than read from
 * Marpit's token meta so that a slide parsed on its own (incremental parsing) gets the
 * class it inherits from the slides before it.
 */
function resolveType(slide: Slide): void {
  const value = slide.classDirective?.value.trim();
  slide.className = value === '' ? undefined : value;
  slide.type = slide.className === undefined ? 'content' : isSlideType(slide.className) ? slide.className : undefined;
}

function lastContentLine(lines: readonly string[], first: number, last: number): number {
  for (let line = last; line > first; line--) {
    if ((lines[line - 1] ?? '').trim() !== '') return line;
  }
  return first;
}

/** The first line of a slide that holds its content (after any separator and directives). */
function firstContentLine(slide: Slide): number | undefined {
  let first: number | undefined;
  for (const blocks of [slide.headings, slide.paragraphs, slide.lists, slide.tables, slide.blockquotes]) {
    for (const block of blocks) if (first === undefined || block.range.line < first) first = block.range.line;
  }
  return first;
}

/**
 * A part opens at the first slide and at each cover that carries a part title.
 * A cover without a part title inside a part (the seed's agenda cover) re-states the title page.
 */
function groupParts(slides: readonly Slide[]): Part[] {
  const parts: Part[] = [];
  for (const slide of slides) {
    const partTitle = slide.cover?.partTitle?.text;
    const current = parts.at(-1);
    if (!current || partTitle !== undefined) {
      parts.push({ index: parts.length, slideIndices: [slide.index], title: partTitle });
    } else {
      current.slideIndices.push(slide.index);
    }
  }
  return parts;
}
