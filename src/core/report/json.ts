import { escapeJsonControlCharacters } from './control-characters';
import { ordered } from './order';
import type { Formatter } from './types';

/** One item of `--format json` (docs/house-structure.md §5), field order as documented. */
export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  fixable: boolean;
}

/** One JSON array of every problem of every file, two-space indented, newline-terminated. */
export const json: Formatter = (results) => {
  const items: JsonProblem[] = ordered(results).flatMap((result) =>
    result.problems.map((problem) => ({
      file: result.file,
      line: problem.range.line,
      column: problem.range.column,
      endLine: problem.range.endLine,
      endColumn: problem.range.endColumn,
      rule: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      fixable: problem.fix !== undefined,
    })),
  );
  return `${escapeJsonControlCharacters(JSON.stringify(items, null, 2))}\n`;
};
