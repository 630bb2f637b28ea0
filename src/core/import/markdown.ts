/**
 * Blocks to house Markdown. Every character of slide text that Markdown, Marp or the house
 * renderer would read as markup is escaped, so the deck says what the slide said: inline
 * markup (`* _ \` [ ] < ~ | $`, an entity-like `&`), and a block marker at a line's start
 * (`#`, `>`, `-`, `+`, `=`, `1.`). Notes become HTML comments that Marp keeps as notes.
 */
import type { SlideType } from '../deck/types';
import { trimRuns } from '../deck/runs';
import { joinLines, oneLine, splitLines, type Block, type ListItem } from './blocks';
import type { Run } from './model';

export interface SlideMarkdown {
  type: SlideType;
  blocks: Block[];
  notes: string;
}

export interface DeckFrontMatter {
  size: '16:9' | '4:3';
  lang: string;
  title: string;
  author: string;
}

export function deckMarkdown(frontMatter: DeckFrontMatter, slides: readonly SlideMarkdown[]): string {
  const yaml = [
    '---',
    'marp: true',
    'theme: improvement-service',
    `size: ${frontMatter.size}`,
    `lang: ${frontMatter.lang}`,
    'paginate: true',
    ...(frontMatter.title ? [`title: ${JSON.stringify(frontMatter.title)}`] : []),
    ...(frontMatter.author ? [`author: ${JSON.stringify(frontMatter.author)}`] : []),
    '---',
  ].join('\n');
  return `${yaml}\n\n${slides.map(slideMarkdown).join('\n\n---\n\n')}\n`;
}

export function slideMarkdown(slide: SlideMarkdown): string {
  const parts = [`<!-- _class: ${slide.type} -->`, ...slide.blocks.map(blockMarkdown).filter((text) => text !== '')];
  if (slide.notes.trim() !== '') parts.push(noteComment(slide.notes));
  return parts.join('\n\n');
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeText(oneLine(block.text)).replace(/#/g, '\\#')}`;
    case 'paragraph':
      return block.lines.map((line) => lineMarkdown(line)).join('\n');
    case 'list':
      return listMarkdown(block.items);
    case 'table':
      return tableMarkdown(block.rows);
    case 'image':
      return `![${escapeText(oneLine(block.alt))}](${encodePath(block.src)})`;
    case 'quote':
      return splitLines(block.runs)
        .map((line) => `> ${inlineMarkdown(line)}`)
        .join('\n');
  }
}

/** One line of text at the start of a Markdown line: inline markup and a leading block marker escaped. */
function lineMarkdown(runs: readonly Run[]): string {
  return escapeLineStart(inlineMarkdown(trimRuns([...runs])));
}

function listMarkdown(items: readonly ListItem[]): string {
  const lines: string[] = [];
  // For each depth: the indent of its items, and the number of the next ordered item.
  const indents: number[] = [0];
  const numbers: number[] = [];
  let previousDepth = 0;
  for (const item of items) {
    const depth = Math.min(item.depth, previousDepth + 1);
    if (depth <= previousDepth) numbers.length = depth;
    const number = (numbers[depth - 1] ?? 0) + 1;
    numbers[depth - 1] = item.ordered ? number : 0;
    const marker = item.ordered ? `${number}.` : '-';
    const indent = indents[depth - 1] ?? 0;
    indents[depth] = indent + marker.length + 1;
    indents.length = depth + 1;
    const itemLines = splitLines(item.runs);
    const [first = [], ...rest] = itemLines;
    lines.push(`${' '.repeat(indent)}${marker} ${lineMarkdown(first)}`);
    for (const line of rest) lines.push(`${' '.repeat(indent + marker.length + 1)}${lineMarkdown(line)}`);
    previousDepth = depth;
  }
  return lines.join('\n');
}

function tableMarkdown(rows: readonly (readonly Run[][])[]): string {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const cell = (runs: readonly Run[] | undefined) => inlineMarkdown(trimRuns(joinLines(runs ?? []))) || ' ';
  const line = (row: readonly Run[][]) => `| ${Array.from({ length: columns }, (_, index) => cell(row[index])).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), `|${'---|'.repeat(columns)}`, ...body.map(line)].join('\n');
}

/** A note as an HTML comment; `--` runs that would end it early are broken with a space. */
function noteComment(notes: string): string {
  const text = notes.trim().replace(/--+>/g, (match) => `${match.slice(0, -1)} >`).replace(/--!>/g, '-- !>');
  return text.includes('\n') ? `<!--\n${text}\n-->` : `<!-- ${text} -->`;
}

/**
 * Runs as inline Markdown: `**bold**`, `*italic*`, `[text](url)`. Markers go around the
 * text without its outer spaces (`** a**` is not bold in Markdown); adjacent runs of the
 * same format are merged first.
 */
export function inlineMarkdown(runs: readonly Run[]): string {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.bold === run.bold && last.italic === run.italic && last.link === run.link) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged
    .map((run) => {
      const text = run.text.replace(/\s+/g, ' ');
      const core = text.trim();
      if (core === '') return text;
      const lead = text.slice(0, text.length - text.trimStart().length);
      const tail = text.slice(text.trimEnd().length);
      const marker = run.bold && run.italic ? '***' : run.bold ? '**' : run.italic ? '*' : '';
      let body = `${marker}${escapeText(core)}${marker}`;
      if (run.link) body = `[${body}](${encodePath(run.link)})`;
      return `${lead}${body}${tail}`;
    })
    .join('');
}

/** Escapes what Markdown, Marp's math and emoji-free house renderer read as inline markup. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>~|$]/g, (character) => `\\${character}`).replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes a block marker at the start of a line (after inline escaping). */
export function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link or image path as Markdown takes it: spaces and parentheses percent-encoded. */
function encodePath(path: string): string {
  return path.replace(/[ ()<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
