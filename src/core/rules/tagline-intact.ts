import { z } from 'zod';
import type { Deck, Directive } from '../deck/types';
import { isBlankLine, wholeLines } from './helpers/source-edits';
import { defineRule, type TextEdit } from './rule';

/** What each directive would replace: the theme draws both on every slide. */
const REPLACES: Record<string, string> = {
  header: 'the house tagline `efficiency | quality | accountability`',
  footer: 'the house footer (the `Improvement is.` wordmark and the page number)',
};

export default defineRule({
  id: 'tagline-intact',
  description: 'No `header`/`footer` directive (global or `_` local) replaces the tagline or footer the house theme draws on every slide.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    const { deck } = context;
    for (const directive of deck.directives) {
      const replaced = REPLACES[directive.name.replace(/^_/, '')];
      if (replaced === undefined) continue;
      const edit = directive.origin === 'front-matter' ? frontMatterDeletion(deck, directive) : commentDeletion(deck, directive);
      context.report({
        message: `The \`${directive.name}\` directive replaces ${replaced}, which the theme draws on every slide: delete the directive.`,
        range: directive.range,
        ...(edit && { fix: { description: `Delete the \`${directive.name}\` directive`, edits: [edit] } }),
      });
    }
  },
});

/** The whole YAML entry, every line of it (a block scalar runs over several). */
function frontMatterDeletion(deck: Deck, directive: Directive): TextEdit | undefined {
  const { range } = directive;
  const lastLine = range.endColumn === 1 && range.endLine > range.line ? range.endLine - 1 : range.endLine;
  const before = (deck.lines[range.line - 1] ?? '').slice(0, range.column - 1);
  if (before.trim() !== '') return undefined;
  return { range: wholeLines(deck.lines, range.line, lastLine), newText: '' };
}

interface Comment {
  startLine: number;
  /** 0-based index of `<!--` on the start line. */
  open: number;
  endLine: number;
  /** 0-based index just past `-->` on the end line. */
  close: number;
}

/**
 * A comment that holds only this directive goes whole, its lines with it (and one blank line,
 * when it stood between two). A directive on a line of its own inside a longer comment loses that line.
 */
function commentDeletion(deck: Deck, directive: Directive): TextEdit | undefined {
  const { lines } = deck;
  const comment = enclosingComment(lines, directive);
  if (!comment) return undefined;
  const inner = commentInner(lines, comment);
  const onlyThis = new RegExp(`^${escapeRegExp(directive.name)}\\s*:[^\\n]*$`).test(inner.trim());
  const startText = lines[comment.startLine - 1] ?? '';
  const endText = lines[comment.endLine - 1] ?? '';
  const ownLines = startText.slice(0, comment.open).trim() === '' && endText.slice(comment.close).trim() === '';
  if (onlyThis && ownLines) {
    const blankAround = (comment.startLine === 1 || isBlankLine(lines, comment.startLine - 1)) && isBlankLine(lines, comment.endLine + 1);
    const lastLine = blankAround && comment.endLine < lines.length ? comment.endLine + 1 : comment.endLine;
    return { range: wholeLines(lines, comment.startLine, lastLine), newText: '' };
  }
  const line = directive.range.line;
  const own = lines[line - 1] ?? '';
  const insideComment = line > comment.startLine && line < comment.endLine;
  const next = lines[line] ?? '';
  const continues = next.trim() !== '' && next.length - next.trimStart().length > own.length - own.trimStart().length;
  if (insideComment && new RegExp(`^\\s*${escapeRegExp(directive.name)}\\s*:`).test(own) && !continues) {
    return { range: wholeLines(lines, line, line), newText: '' };
  }
  return undefined;
}

function enclosingComment(lines: readonly string[], directive: Directive): Comment | undefined {
  const { line, column } = directive.range;
  let startLine = line;
  let open = (lines[line - 1] ?? '').lastIndexOf('<!--', column - 1);
  while (open < 0 && startLine > 1) {
    startLine--;
    const text = lines[startLine - 1] ?? '';
    if (text.includes('-->')) return undefined;
    open = text.lastIndexOf('<!--');
  }
  if (open < 0) return undefined;
  for (let endLine = line; endLine <= lines.length; endLine++) {
    const text = lines[endLine - 1] ?? '';
    const at = text.indexOf('-->', endLine === line ? column - 1 : 0);
    if (at >= 0) return { startLine, open, endLine, close: at + 3 };
  }
  return undefined;
}

function commentInner(lines: readonly string[], comment: Comment): string {
  const text = lines.slice(comment.startLine - 1, comment.endLine).join('\n');
  const endOffset = text.length - ((lines[comment.endLine - 1] ?? '').length - comment.close);
  return text.slice(comment.open + 4, endOffset - 3);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
