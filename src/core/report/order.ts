import type { Problem } from '../rules/rule';
import type { FileResult } from './types';

/** Compares by UTF-16 code units: the same order on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    compareText(a.ruleId, b.ruleId) ||
    a.range.endLine - b.range.endLine ||
    a.range.endColumn - b.range.endColumn ||
    compareText(a.message, b.message)
  );
}

/** Files sorted by path; each file's problems by line, column, rule. Copies: the input is not changed. */
export function ordered(results: readonly FileResult[]): FileResult[] {
  return [...results]
    .sort((a, b) => compareText(a.file, b.file))
    .map((result) => ({ file: result.file, problems: [...result.problems].sort(compareProblems) }));
}

export interface Counts {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
}

export function countProblems(results: readonly FileResult[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const problem of results.flatMap((result) => result.problems)) {
    if (problem.severity === 'error') {
      counts.errors++;
      if (problem.fix) counts.fixableErrors++;
    } else {
      counts.warnings++;
      if (problem.fix) counts.fixableWarnings++;
    }
  }
  return counts;
}
