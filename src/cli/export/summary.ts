/** The closing summary: the files written, their sizes, counts and PDF/UA results. */
import { createColors } from 'picocolors';
import { displayPath } from '../../core/config/load';
import { formatPdfUaReport } from '../../core/export/pdf-ua/check';
import { type ExportWarning, warningKind } from '../../core/export/warnings';
import { describeSize } from '../../core/io/read-text';
import { type CliIo } from '../command';
import { ExportRun } from './run';

export function summary(run: ExportRun, io: CliIo, color: boolean, seconds: number): string {
  const c = createColors(color);
  const written = run.outcomes.flatMap((outcome) => outcome.written);
  if (written.length === 0) return `${c.yellow('No files written.')}\n`;
  const rows = written.map((file) => ({
    path: displayPath(file.path, io.cwd),
    size: describeSize(file.bytes),
    count: file.count === undefined ? '' : `${file.count} ${file.format === 'pdf' || file.format === 'notes' ? 'page' : 'slide'}${file.count === 1 ? '' : 's'}`,
    accessibility: file.accessibility ? formatPdfUaReport(file.accessibility, { details: false }) : '',
  }));
  const countWidth = Math.max(...rows.map((row) => row.count.length));
  const pathWidth = Math.max(...rows.map((row) => row.path.length));
  const sizeWidth = Math.max(...rows.map((row) => row.size.length));
  const total = written.reduce((sum, file) => sum + file.bytes, 0);
  let text = `\n${c.bold(`Wrote ${written.length} file${written.length === 1 ? '' : 's'}`)} (${describeSize(total)}) in ${seconds.toFixed(1)} s:\n`;
  for (const row of rows) {
    const accessibility = row.accessibility ? `  ${row.accessibility.endsWith('passed') ? c.dim(row.accessibility) : c.yellow(row.accessibility)}` : '';
    text += `  ${c.green('✓')} ${row.path.padEnd(pathWidth)}  ${row.size.padStart(sizeWidth)}  ${c.dim(row.count.padEnd(countWidth))}${accessibility}`.trimEnd() + '\n';
  }
  return text;
}

/** Content an output lacks: exit 1 unless `--allow-missing`. */
export function isLeftOut(warning: ExportWarning): boolean {
  return warningKind(warning) === 'left-out';
}
