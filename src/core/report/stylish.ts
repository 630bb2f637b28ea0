import { createColors } from 'picocolors';
import { escapeControlCharacters } from './control-characters';
import { countProblems, ordered } from './order';
import type { Formatter } from './types';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * For people: problems grouped by file, `line:col  severity  message  rule-id` in aligned
 * columns, then `✖ N problems (E errors, W warnings)`. Nothing at all when there are no problems.
 */
export const stylish: Formatter = (results, options) => {
  const c = createColors(options.color);
  const files = ordered(results).filter((result) => result.problems.length > 0);
  if (files.length === 0) return '';
  let output = '';
  for (const result of files) {
    const rows = result.problems.map((problem) => ({
      position: `${problem.range.line}:${problem.range.column}`,
      severity: problem.severity,
      message: escapeControlCharacters(problem.message.replace(/\s*[\r\n]+\s*/g, ' ')),
      rule: escapeControlCharacters(problem.ruleId),
    }));
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));
    output += `\n${c.underline(escapeControlCharacters(result.file))}\n`;
    for (const row of rows) {
      const severity = row.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const position = c.dim(row.position.padStart(positionWidth));
      output += `  ${position}  ${severity}  ${row.message.padEnd(messageWidth)}  ${c.dim(row.rule)}\n`;
    }
  }
  const counts = countProblems(files);
  const total = counts.errors + counts.warnings;
  const paint = counts.errors > 0 ? (text: string) => c.bold(c.red(text)) : (text: string) => c.bold(c.yellow(text));
  output += `\n${paint(`✖ ${plural(total, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')})`)}\n`;
  if (counts.fixableErrors + counts.fixableWarnings > 0) {
    output += paint(
      `  ${plural(counts.fixableErrors, 'error')} and ${plural(counts.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`,
    );
    output += '\n';
  }
  return output;
};
