/**
 * What the model reads out of HTML comments beyond Marpit's parse: where each directive key
 * is written, directive values as text, and `isdeck-disable`/`isdeck-enable` comments.
 * Hand-written scans, each character read a bounded number of times: comment text is the
 * author's, and never goes into a regular expression.
 */
import type { InlineConfigComment } from './types';

/** Where a key is written: 1-based line, 0-based column of its first character, and the column after its colon. */
export interface CommentKey {
  line: number;
  column: number;
  afterColon: number;
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t';
/** Characters that stand before a key without being part of it: `<!--`, flow `{`/`[`/`,`, a list's `-`, quotes. */
const KEY_PREFIX = new Set(['<', '!', '-', '{', '[', ',', '"', "'"]);

/**
 * The first place each key is written in a comment on lines `first`…`last`: the text before a
 * `:` back to white space or the previous `:`, less the comment opener, flow punctuation and
 * quotes around it. `_class: cover`, `<!--_class: cover-->` and `{ _class: cover }` all give `_class`.
 */
export function commentKeys(lines: readonly string[], first: number, last: number): Map<string, CommentKey> {
  const keys = new Map<string, CommentKey>();
  for (let line = first; line <= last; line++) {
    const text = lines[line - 1] ?? '';
    let stop = 0;
    for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      let end = colon;
      while (end > stop && isSpace(text[end - 1])) end--;
      let start = end;
      while (start > stop && !isSpace(text[start - 1])) start--;
      stop = colon + 1;
      while (start < end && KEY_PREFIX.has(text[start]!)) start++;
      while (end > start && (text[end - 1] === '"' || text[end - 1] === "'")) end--;
      const key = text.slice(start, end);
      if (key !== '' && !keys.has(key)) keys.set(key, { line, column: start, afterColon: colon + 1 });
    }
  }
  return keys;
}

/**
 * A directive's value as text: a string, number or boolean as written, a list of strings
 * joined with spaces (as Marpit joins a `class` list). Anything else (a mapping, nested
 * lists) has no text value: turning it into a string could expand YAML aliases without bound.
 */
export function directiveValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(' ');
  return '';
}

const INLINE_CONFIG_KINDS = ['disable-next-line', 'disable', 'enable'] as const;

/** `isdeck-disable RULE…`, `isdeck-enable …`, `isdeck-disable-next-line …` (a comment's trimmed text), else undefined. */
export function inlineConfigOf(comment: string, line: number): InlineConfigComment | undefined {
  if (!comment.startsWith('isdeck-')) return undefined;
  const rest = comment.slice('isdeck-'.length);
  const kind = INLINE_CONFIG_KINDS.find((candidate) => rest.startsWith(candidate) && !/[\w-]/.test(rest[candidate.length] ?? ' '));
  if (!kind) return undefined;
  const rules = rest
    .slice(kind.length)
    .split(/[\s,]+/)
    .filter((rule) => rule !== '');
  return { kind, rules, line };
}
