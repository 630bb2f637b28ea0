/**
 * `isdeck export`: decks to PDF and PNG pictures of slides (a shared browser), native PPTX (no
 * browser), standalone HTML and the presentation (one HTML file with a presenter view).
 *
 * Decks run up to `os.availableParallelism()` at once and share one browser. Each deck is
 * linted first: problems are printed (stylish) and the deck is exported anyway, unless
 * `--strict`. The drawn slides (the PDF's page, or the HTML's when alone) are checked with the
 * rendered rules, and each PDF's PDF/UA checks are printed. What the exports left out or changed
 * and what the checks found are typed warnings (core/export/warnings.ts), printed one line per
 * cause with the slides it concerns. Every file is written atomically. Exit codes: 0 all
 * written; 1 a deck skipped under `--strict`, content left out (unless `--allow-missing`), a
 * drawn check or a PDF/UA check that failed under `--strict`, or a file that failed; 2 bad usage,
 * unreadable decks or configuration, an output that would overwrite an input, or no browser
 * for PDF (PPTX and HTML are still written).
 */
import { version } from '../../../package.json';
import { removePendingTempFilesSync } from '../../core/io/atomic-write';
import { describeGroup, groupWarnings, warningKind } from '../../core/export/warnings';
import { FORMATTERS, type FileResult } from '../../core/report';
import { allRules } from '../../core/rules';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, say, type CliIo, type Command } from '../command';
import { USAGE, parseExportArgs } from './args';
import { ExportRun, runExportWith } from './run';
import { isLeftOut, summary } from './summary';

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseExportArgs(args);
  if (parsed === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const started = performance.now();
  // Interrupted: no partial file is left (temporary files go), the browser is closed by
  // playwright's own exit hook; exit 130 (SIGINT) or 143 (SIGTERM), as a shell would.
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTempFilesSync();
    io.stderr(`\nisdeck: interrupted (${signal}): files finished before this are whole; no partial file is left\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let run: ExportRun;
  try {
    run = await runExportWith(parsed, io);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  const color = io.stdoutIsTTY && io.env.NO_COLOR === undefined;

  const results: FileResult[] = run.outcomes.map((outcome) => ({ file: outcome.deck, problems: outcome.problems }));
  const report = FORMATTERS.stylish(results, { color, rules: allRules, version, srcRoot: undefined });
  if (report) io.stdout(report);
  for (const outcome of run.outcomes) {
    if (outcome.skipped) say(io, `${outcome.deck}: skipped: it has errors (--strict)`);
    for (const message of outcome.messages) say(io, `${outcome.deck}: ${message}`);
    for (const group of groupWarnings(outcome.warnings)) say(io, `${outcome.deck}${group.line === undefined ? '' : `:${group.line}`}: ${describeGroup(group)}`);
    if (outcome.warnings.some(isLeftOut) && parsed.allowMissing) say(io, `${outcome.deck}: written without what is listed above (--allow-missing)`);
  }
  for (const message of run.errors) say(io, message);
  if (run.browserError) say(io, run.browserError.message);
  if (run.outcomes.length === 0 && run.errors.length === 0) {
    say(io, 'no Marp decks found (a deck starts with front-matter that sets `marp: true`)');
    return EXIT_USAGE;
  }
  io.stdout(summary(run, io, color, (performance.now() - started) / 1000));

  if (run.errors.length > 0 || run.browserError) return EXIT_USAGE;
  const failed = run.outcomes.some(
    (outcome) =>
      outcome.failed ||
      outcome.skipped ||
      (!parsed.allowMissing && outcome.warnings.some(isLeftOut)) ||
      (parsed.strict && (outcome.inaccessible || outcome.warnings.some((warning) => warningKind(warning) === 'checked'))),
  );
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export decks to PDF, editable PowerPoint and HTML',
  usage: USAGE,
  run: runExport,
};
