import { parseDeck } from '../deck/parse';
import { lineStartOffsets, positionToOffset, stripByteOrderMark } from '../deck/source-text';
import type { Fix, Problem, TextEdit } from '../rules/rule';
import { lintDeck, type LintOptions } from './lint';

/** How many lint-and-fix rounds `fixText` runs: a fix can reveal another (as in ESLint). */
const MAX_FIX_PASSES = 10;

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Applies the given fixes to `text` (ranges relative to `text` without its byte-order mark).
 * A fix whose edits overlap an edit already taken is skipped whole; the next pass retries it.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = stripByteOrderMark(text);
  const starts = lineStartOffsets(source);
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const taken: OffsetEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const edits = fix.edits.map((edit) => toOffsets(starts, source.length, edit, newline));
    if (edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...edits);
    applied++;
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let output = source;
  for (const edit of taken) output = output.slice(0, edit.start) + edit.newText + output.slice(edit.end);
  return { text: bom + output, applied };
}

/** Lints, applies every available fix, and repeats until nothing more is fixable. */
export function fixText(text: string, file: string | undefined, options: LintOptions): { text: string; problems: Problem[]; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const problems = lintDeck(parseDeck(current, file), options);
    const fixes = problems.flatMap((problem) => (problem.fix ? [problem.fix] : []));
    const result = applyFixes(current, fixes);
    if (result.applied === 0) return { text: current, problems, applied };
    current = result.text;
    applied += result.applied;
  }
  return { text: current, problems: lintDeck(parseDeck(current, file), options), applied };
}

function toOffsets(starts: readonly number[], length: number, edit: TextEdit, newline: string): OffsetEdit {
  const clamp = (offset: number) => Math.min(Math.max(offset, 0), length);
  return {
    start: clamp(positionToOffset(starts, edit.range.line, edit.range.column)),
    end: clamp(positionToOffset(starts, edit.range.endLine, edit.range.endColumn)),
    newText: edit.newText.replace(/\r?\n/g, newline),
  };
}

/** Two insertions at one point conflict too: their order would be a guess. */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
