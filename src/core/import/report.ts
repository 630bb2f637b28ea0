/**
 * The import report as text: what was imported, the slide types found, and what needs a
 * person, each with its slide number in the PowerPoint file.
 */
import { SLIDE_TYPES } from '../slide-types';
import type { ImportReport } from './import';

export interface ReportNames {
  input: string;
  deck: string;
  images: number;
  ms: number;
}

export function formatImportReport(report: ImportReport, names: ReportNames): string {
  const lines: string[] = [];
  const imported = report.slides.length;
  const pictures = names.images === 0 ? '' : `, ${names.images} picture${names.images === 1 ? '' : 's'}`;
  lines.push(`${names.input} → ${names.deck}: ${imported} of ${report.slidesInFile} slide${report.slidesInFile === 1 ? '' : 's'} imported${pictures} in ${(names.ms / 1000).toFixed(2)} s`);
  const counts = SLIDE_TYPES.map((type) => [type, report.slides.filter((slide) => slide.type === type).length] as const).filter(([, count]) => count > 0);
  if (counts.length > 0) lines.push(`  types: ${counts.map(([type, count]) => `${type} ${count}`).join(', ')}`);
  if (report.hidden.length > 0) lines.push(`  hidden, not imported: slide${report.hidden.length === 1 ? '' : 's'} ${report.hidden.join(', ')}`);
  if (report.fixesApplied > 0) lines.push(`  house fixes applied: ${report.fixesApplied}`);
  const human = [
    ...report.findings.map((finding) => ({ slide: finding.slide, text: finding.message })),
    ...report.problems.map(({ slide, problem }) => ({ slide, text: `${problem.severity} ${problem.ruleId}: ${problem.message}` })),
  ].sort((a, b) => (a.slide ?? 0) - (b.slide ?? 0));
  if (human.length === 0) {
    lines.push('  nothing needs a person: the deck lints clean');
  } else {
    lines.push(`  needs a person (${human.length}):`);
    for (const item of human) lines.push(`    ${item.slide === undefined ? 'file' : `slide ${item.slide}`}: ${item.text}`);
  }
  return `${lines.join('\n')}\n`;
}
