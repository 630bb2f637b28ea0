/** One export run: decks linted, exported in parallel (a pool sharing one browser), outcomes gathered. */
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { ConfigError, ConfigLoader, displayPath } from '../../core/config/load';
import { findWorkspaceRoot } from '../../core/config/workspace';
import type { Deck } from '../../core/deck/types';
import { describeWriteError, makeFolderSync } from '../../core/io/output-policy';
import type { ResolvedConfig } from '../../core/config/schema';
import { BrowserNotFoundError, launchBrowser, type PdfBrowser } from '../../core/export/browser';
import { drawnChecksOn, drawnWarnings } from '../../core/export/drawn-checks';
import type { NetworkPolicy } from '../../core/export/network';
import { exportPdf, type PageSource } from '../../core/export/pdf';
import { exportPng } from '../../core/export/png';
import { formatPdfUaReport, type PdfUaReport } from '../../core/export/pdf-ua/check';
import { exportPptx } from '../../core/export/pptx';
import { type ExportWarning, pictureWarnings, requestWarnings } from '../../core/export/warnings';
import { lintText } from '../../core/lint/lint';
import { nodeEnvironment } from '../../core/lint/node-environment';
import { exportHtml } from '../../core/export/html';
import { renderedProblems } from '../../core/render-check/check';
import type { Problem } from '../../core/rules/rule';
import { type CliIo } from '../command';
import { readDeckFile } from '../read-deck';
import { collectTargets } from '../targets';
import { BROWSER_FORMATS, ExportCommandOptions, FORMAT_ORDER } from './args';
import { PlannedOutput, checkPlan, outputsFor } from './plan';
import { progressReporter } from './progress';

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
      browserPromise = launchBrowser({ browserPath: options.browserPath, env: io.env });
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
            const result = await exportHtml(file, output.path, { protect, workspaceRoot, source: read.text, deck, html: config.html, present: format === 'present' });
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
            const result = await exportPng({ browser: pages, deckPath: file, outDir: dirname(output.path), slides, source: read.text, protect, network, workspaceRoot, html: config.html });
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
