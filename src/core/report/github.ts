import { escapeControlCharacters } from './control-characters';
import { ordered } from './order';
import type { Formatter } from './types';

/**
 * Escapes a workflow command's message (the data after `::`) as GitHub's toolkit does (`%`,
 * CR, LF), and every other control character visibly: the log is read in a terminal too.
 */
export function escapeData(text: string): string {
  return escapeControlCharacters(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a workflow command's property value: the data escapes plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one line a problem:
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message`.
 */
export const github: Formatter = (results) =>
  ordered(results)
    .flatMap((result) =>
      result.problems.map((problem) => {
        const { line, column, endLine, endColumn } = problem.range;
        const properties = [
          `file=${escapeProperty(result.file)}`,
          `line=${line}`,
          `col=${column}`,
          `endLine=${endLine}`,
          `endColumn=${endColumn}`,
          `title=${escapeProperty(problem.ruleId)}`,
        ].join(',');
        return `::${problem.severity} ${properties}::${escapeData(problem.message)}\n`;
      }),
    )
    .join('');
