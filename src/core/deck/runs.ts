import type { TextRun } from './types';

/**
 * Text runs: a span's text cut where its inline formatting changes. Built in the same walk
 * over an inline token's children as the plain text, so `runs.map((r) => r.text).join('')`
 * is always the span's `text`.
 */

/** What one walk over an inline token's children gives: the untrimmed text, its runs, and where a leading `**…**` ends. */
export interface InlineRuns {
  text: string;
  runs: TextRun[];
  /** Offset in `text` of the first `strong_close` when the inline opens with `strong_open`. */
  leadEnd: number | undefined;
}

interface InlineChild {
  type: string;
  content: string;
}

/**
 * Plain text and runs of an inline token's children: markup dropped, line breaks as `\n`
 * (in the run they fall in), an emoji (`:smile:` or the character) as its character, an
 * inline formula as a run of its own holding its TeX; images and other non-text tokens left out.
 */
export function readInlineRuns(children: readonly InlineChild[]): InlineRuns {
  const runs: TextRun[] = [];
  let text = '';
  let bold = 0;
  let italic = 0;
  let leadEnd: number | undefined;
  // marp-core's emoji rule can leave an empty text token in front of the first one.
  const opensWithStrong = children.find((child) => child.type !== 'text' || child.content !== '')?.type === 'strong_open';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'marp_emoji':
      case 'marp_unicode_emoji':
        text += child.content;
        pushRun(runs, child.content, bold > 0, italic > 0, false);
        break;
      case 'code_inline':
        text += child.content;
        pushRun(runs, child.content, bold > 0, italic > 0, true);
        break;
      case 'marp_math_inline':
        text += child.content;
        runs.push({ text: child.content, bold: bold > 0, italic: italic > 0, code: false, math: true });
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        pushRun(runs, '\n', bold > 0, italic > 0, false);
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold = Math.max(0, bold - 1);
        if (opensWithStrong && leadEnd === undefined) leadEnd = text.length;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic = Math.max(0, italic - 1);
        break;
      default:
        break;
    }
  }
  return { text, runs, leadEnd };
}

/** Appends text to the runs, joining it to the last run when the formatting is the same (a formula is never joined). */
function pushRun(runs: TextRun[], text: string, bold: boolean, italic: boolean, code: boolean): void {
  if (text === '') return;
  const last = runs.at(-1);
  if (last && !last.math && last.bold === bold && last.italic === italic && last.code === code) last.text += text;
  else runs.push({ text, bold, italic, code });
}

/** Joins runs into one list, merging neighbours of the same formatting (the inputs are not changed). */
export function concatRuns(...lists: ReadonlyArray<readonly TextRun[]>): TextRun[] {
  const runs: TextRun[] = [];
  for (const list of lists) {
    for (const run of list) {
      if (run.math) runs.push({ ...run });
      else pushRun(runs, run.text, run.bold, run.italic, run.code);
    }
  }
  return runs;
}

/** A plain run (no formatting), or none for empty text. */
export function plainRuns(text: string): TextRun[] {
  return text === '' ? [] : [{ text, bold: false, italic: false, code: false }];
}

export function runsText(runs: readonly { text: string }[]): string {
  let text = '';
  for (const run of runs) text += run.text;
  return text;
}

/** The runs of `text.slice(start, end)`, where `text` is the runs joined. */
export function sliceRuns(runs: readonly TextRun[], start: number, end = Number.POSITIVE_INFINITY): TextRun[] {
  const sliced: TextRun[] = [];
  let at = 0;
  for (const run of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + run.text.length);
    if (from < to) sliced.push({ ...run, text: run.text.slice(from - at, to - at) });
    at += run.text.length;
    if (at >= end) break;
  }
  return sliced;
}

const LEADING_SPACE = /^\s/;
const TRAILING_SPACE = /\s$/;

/**
 * The runs of the joined text `.trim()`med: white space off the ends, emptied runs dropped.
 * Runs with nothing to trim come back as they are (the same array).
 */
export function trimRuns<Run extends { text: string }>(runs: Run[]): Run[] {
  if (runs.length === 0) return runs;
  if (!LEADING_SPACE.test(runs[0]!.text) && !TRAILING_SPACE.test(runs.at(-1)!.text)) return runs;
  let first = 0;
  let last = runs.length - 1;
  let head = '';
  let tail = '';
  for (; first <= last; first++) {
    head = runs[first]!.text.trimStart();
    if (head !== '') break;
  }
  for (; last >= first; last--) {
    tail = (last === first ? head : runs[last]!.text).trimEnd();
    if (tail !== '') break;
  }
  if (first > last) return [];
  if (first === last) return [{ ...runs[first]!, text: tail }];
  return [{ ...runs[first]!, text: head }, ...runs.slice(first + 1, last).map((run) => ({ ...run })), { ...runs[last]!, text: tail }];
}

/** The runs split at each `\n` (as `text.split('\n')`), one list a line. */
export function splitRunLines<Run extends { text: string }>(runs: readonly Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece !== '') lines.at(-1)!.push({ ...run, text: piece });
    });
  }
  return lines;
}
