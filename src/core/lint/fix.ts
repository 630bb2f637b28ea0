import { parseDeck } from '../deck/parse';
import { lineStartOffsets, positionToOffset, stripByteOrderMark } from '../deck/source-text';
import type { DeckRefusal } from '../deck/types';
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
  const taken = new TakenEdits();
  let applied = 0;
  for (const fix of fixes) {
    const edits = fix.edits.map((edit) => toOffsets(starts, source.length, edit, newline));
    if (edits.some((edit) => taken.overlaps(edit))) continue;
    for (const edit of edits) taken.add(edit);
    applied++;
  }
  return { text: bom + taken.applyTo(source), applied };
}

/**
 * The edits taken so far, kept sorted by start so an overlap is found by binary search.
 * Fixes come in source order, so an edit almost always goes at the end.
 */
class TakenEdits {
  private readonly edits: OffsetEdit[] = [];

  overlaps(edit: OffsetEdit): boolean {
    const at = this.firstEndingAfter(edit.start);
    for (let index = Math.max(0, at - 1); index < this.edits.length; index++) {
      const other = this.edits[index]!;
      if (other.start > edit.end) break;
      if (overlaps(edit, other)) return true;
    }
    return false;
  }

  add(edit: OffsetEdit): void {
    let index = this.edits.length;
    while (index > 0 && compareEdits(this.edits[index - 1]!, edit) > 0) index--;
    if (index === this.edits.length) this.edits.push(edit);
    else this.edits.splice(index, 0, edit);
  }

  /** The text with every edit made, in one pass. */
  applyTo(source: string): string {
    const pieces: string[] = [];
    let at = 0;
    for (const edit of this.edits) {
      pieces.push(source.slice(at, edit.start), edit.newText);
      at = edit.end;
    }
    pieces.push(source.slice(at));
    return pieces.join('');
  }

  /** Index of the first edit (by start) whose end is at or after `offset`; edits do not overlap, so ends are sorted too. */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.edits[mid]!.end < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function compareEdits(a: OffsetEdit, b: OffsetEdit): number {
  return a.start - b.start || a.end - b.end;
}

export interface FixResult {
  text: string;
  problems: Problem[];
  applied: number;
  /** Set when the deck is past a budget: nothing was checked or changed. */
  refused?: DeckRefusal;
}

/** Lints, applies every available fix, and repeats until nothing more is fixable. */
export function fixText(text: string, file: string | undefined, options: LintOptions): FixResult {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const deck = parseDeck(current, file);
    if (deck.refused) return { text: current, problems: [], applied, refused: deck.refused };
    const problems = lintDeck(deck, options);
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
