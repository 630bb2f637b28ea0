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
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createColors } from 'picocolors';
import { version } from '../../package.json';
import { ConfigError, ConfigLoader, displayPath } from '../core/config/load';
import { findWorkspaceRoot } from '../core/config/workspace';
import type { Deck } from '../core/deck/types';
import { removePendingTempFilesSync } from '../core/io/atomic-write';
import { checkNewOutput, describeWriteError, makeFolderSync, OutputRefusedError } from '../core/io/output-policy';
import type { ResolvedConfig } from '../core/config/schema';
import { BrowserNotFoundError, launchBrowser, type PdfBrowser } from '../core/export/browser';
import { drawnChecksOn, drawnWarnings } from '../core/export/drawn-checks';
import type { NetworkPolicy } from '../core/export/network';
import { exportPdf, handoutPath, type PageSource } from '../core/export/pdf';
import { outputFileName } from '../core/export/output-names';
import { exportPng } from '../core/export/png';
import { formatPdfUaReport, type PdfUaReport } from '../core/export/pdf-ua/check';
import { exportPptx } from '../core/export/pptx';
import { describeGroup, type ExportWarning, groupWarnings, pictureWarnings, requestWarnings, warningKind } from '../core/export/warnings';
import { FORMATTERS, type FileResult } from '../core/format';
import { describeSize } from '../core/io/read-text';
import { lintText } from '../core/lint/lint';
import { nodeEnvironment } from '../core/lint/node-environment';
import { exportHtml } from '../core/render';
import { renderedProblems } from '../core/render-check/check';
import { allRules } from '../core/rules';
import type { Problem } from '../core/rules/rule';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parseCommandArgs, say, UsageError, type CliIo, type Command } from './command';
import { escapeControlCharacters } from '../core/format/control-characters';
import { readDeckFile } from './read-deck';
import { collectTargets } from './targets';

const USAGE = `Usage: isdeck export [options] <deck|folder|glob>...

Exports Marp decks to PDF, editable PowerPoint (PPTX), standalone HTML, a presentation
(one HTML file) and PNG pictures of slides.

A folder is searched for .md files whose front-matter has \`marp: true\` (node_modules and
dot-folders skipped); a glob's matches are filtered the same way; a file named explicitly
is always exported. Each deck is checked first: problems are printed and the deck is still
exported, unless --strict.

Options:
      --pdf                PDF/UA-1 (tagged, with outline and document properties);
                           prints "PDF/UA checks: N passed" or what failed
      --pptx               PowerPoint with real text, bullets, tables, charts and notes
      --html               one self-contained HTML file
      --present            <name>.present.html: one slide at a time, full screen, keys and
                           clickers, a presenter view (P) with notes, next slide and timer;
                           offline, one file
      --png                a PNG picture of every slide at its size: <name>.slide-NN.png
      --slide N            with --png, only slide N (1-based; repeat for more)
                           (none of --pdf, --pptx, --html, --present, --png: --pdf and --pptx)
      --notes              with --pdf, also a handout: <name>.notes.pdf, each slide with its notes
      --out DIR            write into DIR (default: beside each deck)
      --browser-path PATH  Chrome, Chromium or Edge for PDF (default: ISDECK_BROWSER, then
                           the usual install locations)
      --strict             skip decks with errors, and fail on what the checks of the
                           drawn slides find (text off the slide, too small, low
                           contrast) and on a PDF failing a PDF/UA check
      --allow-remote       let PDF export load the web resources the deck names
                           (default: no network request; or \`allowRemote: true\` in config)
      --allow-missing      exit 0 even when content was left out (a picture refused or
                           missing, a web resource not loaded)
  -h, --help               show this help

PDF and PNG need a Chromium-family browser; PPTX and HTML do not (HTML alone uses one, when
found, to check its drawn slides). Local pictures are embedded when their real path is inside
the deck's workspace; others are left out. What is left out or changed, and what the checks
find, is printed one line per cause, with its slides.

Exit codes: 0 everything written; 1 a deck skipped, a file not written, or content left
out without --allow-missing (see the messages); 2 bad usage, an unreadable deck or
configuration, an output the output policy refuses (an input, a link, not a regular file,
read-only), or no browser found for PDF (the other formats are still written).
`;

const OPTIONS = {
  pdf: { type: 'boolean' },
  pptx: { type: 'boolean' },
  html: { type: 'boolean' },
  present: { type: 'boolean' },
  png: { type: 'boolean' },
  slide: { type: 'string', multiple: true },
  notes: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  'browser-path': { type: 'string' },
  strict: { type: 'boolean' },
  'allow-remote': { type: 'boolean' },
  'allow-missing': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ExportFormat = 'pdf' | 'pptx' | 'html' | 'present' | 'png';

const FORMAT_ORDER: Record<ExportFormat, number> = { pptx: 0, html: 1, present: 2, pdf: 3, png: 4 };

/** The formats drawn in the browser. */
const BROWSER_FORMATS: readonly ExportFormat[] = ['pdf', 'png'];

export interface ExportCommandOptions {
  inputs: string[];
  formats: ExportFormat[];
  notes: boolean;
  /** With `png`: the 1-based slides to draw; empty: every slide. */
  slides: number[];
  out: string | undefined;
  browserPath: string | undefined;
  strict: boolean;
  allowRemote: boolean;
  allowMissing: boolean;
}

export function parseExportArgs(args: string[]): ExportCommandOptions | 'help' {
  const { values, positionals } = parseCommandArgs('export', args, OPTIONS);
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('name at least one deck, folder or glob to export', 'export');
  if (values.out === '') throw new UsageError('--out needs a folder', 'export');
  if (values['browser-path'] === '') throw new UsageError('--browser-path needs the path of Chrome, Chromium or Edge', 'export');
  const formats: ExportFormat[] = [];
  if (values.pdf) formats.push('pdf');
  if (values.pptx) formats.push('pptx');
  if (values.html) formats.push('html');
  if (values.present) formats.push('present');
  if (values.png) formats.push('png');
  if (formats.length === 0) formats.push('pdf', 'pptx');
  if (values.notes && !formats.includes('pdf')) throw new UsageError('--notes makes a PDF handout: use it with --pdf', 'export');
  const slides = (values.slide ?? []).map((value) => {
    if (!/^\d{1,6}$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`--slide needs a slide number from 1 (got '${value}')`, 'export');
    return Number(value);
  });
  if (slides.length > 0 && !formats.includes('png')) throw new UsageError('--slide picks the slides of --png: use it with --png', 'export');
  return {
    inputs: positionals,
    formats,
    notes: values.notes ?? false,
    slides: [...new Set(slides)].sort((a, b) => a - b),
    out: values.out,
    browserPath: values['browser-path'],
    strict: values.strict ?? false,
    allowRemote: values['allow-remote'] ?? false,
    allowMissing: values['allow-missing'] ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Planning outputs.

export interface PlannedOutput {
  format: ExportFormat | 'notes';
  path: string;
}

export function outputsFor(deckPath: string, options: Pick<ExportCommandOptions, 'formats' | 'notes'>, outDir: string | undefined): PlannedOutput[] {
  const folder = outDir ?? dirname(deckPath);
  const outputs: PlannedOutput[] = [];
  for (const format of options.formats) {
    const path = join(folder, outputFileName(format, deckPath));
    outputs.push({ format, path });
    if (format === 'pdf' && options.notes) outputs.push({ format: 'notes', path: handoutPath(path) });
  }
  return outputs;
}

/**
 * Refusals before anything is written: an output the output policy refuses (an input, a
 * symbolic link, something not a regular file, a read-only file), two decks writing one file.
 */
export function checkPlan(plan: ReadonlyMap<string, PlannedOutput[]>, cwd: string): string[] {
  const errors: string[] = [];
  const inputs = [...plan.keys()];
  const seen = new Map<string, string>();
  for (const [deck, outputs] of plan) {
    for (const output of outputs) {
      const refusal = outputRefusal(output, inputs);
      if (refusal) {
        errors.push(`${displayPath(output.path, cwd)}: ${refusal}`);
        continue;
      }
      const key = process.platform === 'win32' || process.platform === 'darwin' ? output.path.toLowerCase() : output.path;
      const other = seen.get(key);
      if (other && other !== deck) {
        errors.push(`${displayPath(output.path, cwd)}: both ${displayPath(other, cwd)} and ${displayPath(deck, cwd)} would write it (export them to different --out folders)`);
      }
      seen.set(key, deck);
    }
  }
  return errors;
}

function outputRefusal(output: PlannedOutput, inputs: readonly string[]): string | undefined {
  // The PNG files are known once the deck is drawn; exportPng checks each before writing any.
  if (output.format === 'png') return undefined;
  const what = output.format === 'notes' ? 'handout' : output.format === 'present' ? 'presentation' : output.format.toUpperCase();
  try {
    checkNewOutput(output.path, inputs);
    return undefined;
  } catch (error) {
    if (!(error instanceof OutputRefusedError)) return undefined;
    return error.reason === 'input' ? `refusing to write the ${what} over an input deck` : `refusing to write the ${what}: ${error.why}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Running.

export interface WrittenFile {
  deck: string;
  format: PlannedOutput['format'];
  path: string;
  bytes: number;
  /** Pages (PDF) or slides (PPTX, HTML). */
  count: number | undefined;
  /** PDF: the PDF/UA checks' one-line result. */
  accessibility?: PdfUaReport;
}

export interface DeckOutcome {
  deck: string;
  problems: Problem[];
  skipped: boolean;
  written: WrittenFile[];
  /** One-line messages for this deck (failed formats, notes). */
  messages: string[];
  /**
   * What the exports left out (exit 1 unless `--allow-missing`) or changed, and what the drawn
   * checks found (exit 1 under `--strict`), each on its slide and line.
   */
  warnings: ExportWarning[];
  failed: boolean;
  /** A PDF written fails a PDF/UA check: exit 1 with `--strict`. */
  inaccessible?: boolean;
}

export interface ExportRun {
  outcomes: DeckOutcome[];
  /** Messages not tied to one deck's export (unreadable files, configuration). */
  errors: string[];
  browserError: BrowserNotFoundError | undefined;
}

interface Progress {
  start(total: number): void;
  step(label: string): void;
  done(label: string): void;
  finish(): void;
}

function progressReporter(io: CliIo, color: boolean): Progress {
  const c = createColors(color);
  let total = 0;
  let finished = 0;
  let current = '';
  let lastDraw = 0;
  const tty = io.stdoutIsTTY;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    const width = 24;
    const filled = total === 0 ? 0 : Math.round((finished / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    io.stderr(`\r\x1b[K${c.cyan(bar)} ${finished}/${total} ${c.dim(escapeControlCharacters(current).slice(0, 60))}`);
  };
  return {
    start(count) {
      total = count;
      if (tty) draw(true);
    },
    step(label) {
      current = label;
      if (tty) draw();
    },
    done(label) {
      finished++;
      if (tty) draw(true);
      else io.stderr(`[${finished}/${total}] ${escapeControlCharacters(label)}\n`);
    },
    finish() {
      if (tty) io.stderr('\r\x1b[K');
    },
  };
}

async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(runners);
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() && !/unexpected operator/.test(line))?.trim() ?? text;
}

/** Exports what `options.inputs` name. Never throws for one deck's failure. */
export async function runExportWith(options: ExportCommandOptions, io: CliIo): Promise<ExportRun> {
  const targets = await collectTargets(options.inputs, io.cwd);
  const { files, errors } = targets;
  if (targets.stdin) errors.push('-: export reads decks from files, not standard input');
  const outcomes: DeckOutcome[] = [];
  const run: ExportRun = { outcomes, errors, browserError: undefined };
  if (files.length === 0) return run;

  const outDir = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  const plan = new Map(files.map((file) => [file, outputsFor(file, options, outDir)]));
  const refusals = checkPlan(plan, io.cwd);
  if (refusals.length > 0) {
    errors.push(...refusals);
    return run;
  }
  if (outDir) {
    try {
      makeFolderSync(outDir);
    } catch (error) {
      errors.push(`${displayPath(outDir, io.cwd)}: the output folder cannot be made: ${describeWriteError(error)}`);
      return run;
    }
  }

  // One browser for every deck, started on first use: at once for PDF and PNG (it boots, in its own
  // processes, while the decks are read, checked and rendered here), else by the first HTML
  // export whose drawn slides are to be checked.
  let browserPromise: Promise<PdfBrowser> | undefined;
  const browser = (): Promise<PdfBrowser> => {
    if (!browserPromise) {
      browserPromise = launchBrowser({ browserPath: options.browserPath, env: io.env as NodeJS.ProcessEnv });
      browserPromise.catch(() => undefined);
    }
    return browserPromise;
  };
  if (options.formats.some((format) => BROWSER_FORMATS.includes(format))) void browser();
  // Pages for exportPdf: it renders the deck first and only then waits for the browser.
  const pages: PageSource = {
    newPage: async () => (await browser()).newPage(),
    release: async (page) => (await browser()).release(page),
  };

  const loader = new ConfigLoader({ display: (file) => displayPath(file, io.cwd) });
  const configErrors = new Set<string>();
  const color = io.stdoutIsTTY && io.env.NO_COLOR === undefined;
  const progress = progressReporter(io, color);
  const steps = files.length * options.formats.length;
  progress.start(steps);

  try {
    await pool(files, availableParallelism(), async (file) => {
      const name = displayPath(file, io.cwd);
      const outputs = plan.get(file) ?? [];
      const outcome: DeckOutcome = { deck: name, problems: [], skipped: false, written: [], messages: [], warnings: [], failed: false };
      const skipAll = (why: string) => {
        for (const format of options.formats) progress.done(`${name}: ${format} ${why}`);
      };
      const read = readDeckFile(file, name);
      if ('error' in read) {
        errors.push(read.error);
        skipAll('not read');
        return;
      }
      let deck: Deck;
      let config: ResolvedConfig;
      let workspaceRoot: string;
      let network: NetworkPolicy;
      try {
        const folder = dirname(file);
        config = loader.configFor(folder);
        workspaceRoot = findWorkspaceRoot(folder, loader);
        network = { allowRemote: options.allowRemote || config.allowRemote };
        const linted = lintText(read.text, file, { config, environment: nodeEnvironment(workspaceRoot) });
        deck = linted.deck;
        outcome.problems = linted.problems;
      } catch (error) {
        if (error instanceof ConfigError) {
          if (!configErrors.has(error.message)) {
            configErrors.add(error.message);
            errors.push(...error.message.split('\n'));
          }
        } else errors.push(`${name}: could not be read as a deck: ${messageOf(error)}`);
        skipAll('not exported');
        return;
      }
      outcomes.push(outcome);
      if (options.strict && outcome.problems.some((problem) => problem.severity === 'error')) {
        outcome.skipped = true;
        skipAll('skipped (--strict: errors)');
        return;
      }
      const note = (message: string) => {
        if (!outcome.messages.includes(message)) outcome.messages.push(message);
      };
      const protect = [...plan.keys()];
      // HTML alone: the drawn checks load its document into a page of the shared browser.
      const checkHtml = async (html: string) => {
        try {
          const problems = await renderedProblems(deck, {
            browser: pages,
            config,
            deckPath: file,
            html,
            network,
            onRefused: (refused) => outcome.warnings.push(...requestWarnings(deck, 'html', refused, network)),
          });
          outcome.warnings.push(...drawnWarnings(deck, problems));
        } catch (error) {
          note(
            error instanceof BrowserNotFoundError
              ? 'drawn slides not checked: no browser found (see `isdeck export --help`)'
              : `drawn slides not checked: ${messageOf(error)}`,
          );
        }
      };

      // PPTX and HTML first: they need no browser, so they run while it starts.
      for (const format of [...options.formats].sort((a, b) => FORMAT_ORDER[a] - FORMAT_ORDER[b])) {
        const output = outputs.find((candidate) => candidate.format === format)!;
        progress.step(`${name} → ${format}`);
        try {
          if (format === 'html' || format === 'present') {
            const result = await exportHtml(file, output.path, { protect, workspaceRoot, source: read.text, html: config.html, present: format === 'present' });
            outcome.warnings.push(...pictureWarnings(deck, format === 'html' ? 'html' : 'presentation', result.warnings));
            outcome.written.push({ deck: name, format, path: result.outPath, bytes: result.bytes, count: result.slideCount });
            // With a PDF, its page is checked: it draws the same document.
            if (format === 'html' && !options.formats.includes('pdf') && drawnChecksOn(config)) await checkHtml(result.html);
          } else if (format === 'pptx') {
            const result = await exportPptx(deck, { deckPath: file, outPath: output.path, protect, workspaceRoot });
            outcome.warnings.push(...result.warnings);
            outcome.written.push({ deck: name, format, path: result.outPath, bytes: result.bytes, count: result.slideCount });
          } else if (format === 'png') {
            const slides = options.slides.length > 0 ? options.slides : undefined;
            const result = await exportPng({ browser: pages, deckPath: file, outDir: dirname(output.path), slides, source: read.text, protect, network, workspaceRoot });
            outcome.warnings.push(...pictureWarnings(deck, 'png', result.warnings), ...requestWarnings(deck, 'png', result.refused, network));
            const bytes = result.files.reduce((sum, picture) => sum + picture.bytes, 0);
            const path = result.files.length === 1 ? result.files[0]!.outPath : output.path;
            outcome.written.push({ deck: name, format, path, bytes, count: result.files.length });
          } else {
            const notesOutput = outputs.find((candidate) => candidate.format === 'notes');
            const result = await exportPdf({
              browser: pages,
              deckPath: file,
              outPath: output.path,
              notes: options.notes,
              ...(notesOutput ? { notesOutPath: notesOutput.path } : {}),
              source: read.text,
              deck,
              protect,
              network,
              workspaceRoot,
              config,
            });
            outcome.warnings.push(...pictureWarnings(deck, 'pdf', result.warnings), ...requestWarnings(deck, 'pdf', result.refused, network), ...result.checked);
            for (const [kind, file] of [['pdf', result.pdf], ['notes', result.handout]] as const) {
              if (!file) continue;
              outcome.written.push({ deck: name, format: kind, path: file.outPath, bytes: file.bytes, count: file.pages, accessibility: file.accessibility });
              if (file.accessibility.failed > 0) {
                outcome.inaccessible = true;
                note(`${kind === 'pdf' ? 'PDF' : 'handout'}: ${formatPdfUaReport(file.accessibility)}`);
              }
            }
          }
        } catch (error) {
          if (error instanceof BrowserNotFoundError) {
            run.browserError ??= error;
            note(`${format.toUpperCase()} not written: no browser (see below)`);
          } else {
            outcome.failed = true;
            note(`${format.toUpperCase()} not written: ${messageOf(error)}`);
          }
        } finally {
          progress.done(`${name} → ${format}`);
        }
      }
    });
  } finally {
    progress.finish();
    const started = await browserPromise?.catch(() => undefined);
    await started?.close().catch(() => undefined);
  }
  outcomes.sort((a, b) => (a.deck < b.deck ? -1 : a.deck > b.deck ? 1 : 0));
  return run;
}

function summary(run: ExportRun, io: CliIo, color: boolean, seconds: number): string {
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

/** Content an output lacks: exit 1 unless `--allow-missing`. */
function isLeftOut(warning: ExportWarning): boolean {
  return warningKind(warning) === 'left-out';
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export decks to PDF, editable PowerPoint and HTML',
  usage: USAGE,
  run: runExport,
};
