/**
 * The exporters as the extension calls them: from a deck file to output files, cancellable.
 * Part of the core bundle (dist/core.js); no `vscode` import here.
 *
 * PDF, the handout and PNG pictures print in one browser the extension keeps warm between
 * exports ({@link WarmBrowser}): the first export starts it, later ones find it running, and it
 * is closed after two idle minutes (and when the extension stops).
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { ConfigLoader } from '../core/config/load';
import type { ResolvedConfig } from '../core/config/schema';
import { parseDeck } from '../core/deck/parse';
import type { Deck } from '../core/deck/types';
import { launchBrowser, type PdfBrowser } from '../core/export/browser';
import { leftOutPictures, leftOutRequests, slidePrefix, type LeftOut } from '../core/export/left-out';
import type { NetworkPolicy, RefusedRequest } from '../core/export/network';
import { exportPdf, handoutPath, type PageSource } from '../core/export/pdf';
import { exportPng } from '../core/export/png';
import { exportPptx } from '../core/export/pptx';
import type { PictureWarning } from '../core/images/embed';
import { exportHtml } from '../core/export/html';
import { describeWarning } from '../core/export/warnings';

export interface FileExportJob {
  deckPath: string;
  /** The file to write; for PNG, the folder the pictures go into. */
  outPath: string;
  browserPath?: string | undefined;
  signal?: AbortSignal;
  /** PNG: the 1-based slides to draw (default: every slide). */
  slides?: readonly number[];
  /**
   * The configuration the editor lints the deck with (its `.isdeckrc.*` files and the
   * `isdeck.rules` setting): raw HTML drawn or not, remote resources, the drawn checks. When
   * absent, the deck's configuration files as the command line reads them.
   */
  config?: ResolvedConfig;
  /** The folder pictures must be inside: the deck's workspace folder (default: `findWorkspaceRoot`). */
  workspaceRoot?: string | undefined;
}

export interface FileExportResult {
  /** Every file written. */
  files: string[];
  slideCount?: number;
  warnings: string[];
}

/** How long the browser stays up after the last export. */
export const BROWSER_IDLE_MS = 120_000;

/**
 * One browser kept running between exports. A job borrows it ({@link WarmBrowser.use}); the
 * pages a job opened are closed when it is cancelled (the print fails and, the writes being
 * atomic, no file is left), the browser itself stays for the next export. A different
 * browser path, or a browser that went away, gets a new one.
 */
export class WarmBrowser {
  private running: { path: string | undefined; browser: Promise<PdfBrowser> } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private jobs = 0;
  /** Browsers started, for the tests and the benchmark. */
  launches = 0;

  constructor(private readonly idleMs = BROWSER_IDLE_MS) {}

  async use<T>(browserPath: string | undefined, signal: AbortSignal | undefined, work: (pages: PageSource) => Promise<T>): Promise<T> {
    this.jobs++;
    this.stopTimer();
    const opened = new Set<Page>();
    const abort = () => {
      for (const page of opened) void page.close().catch(() => undefined);
    };
    signal?.addEventListener('abort', abort, { once: true });
    try {
      throwIfAborted(signal);
      const browser = await this.browser(browserPath);
      throwIfAborted(signal);
      const pages: PageSource = {
        newPage: async () => {
          const page = await browser.newPage();
          opened.add(page);
          if (signal?.aborted) abort();
          return page;
        },
        release: async (page) => {
          opened.delete(page);
          await browser.release(page);
        },
      };
      const result = await work(pages);
      throwIfAborted(signal);
      return result;
    } finally {
      signal?.removeEventListener('abort', abort);
      this.jobs--;
      if (this.jobs === 0) this.startTimer();
    }
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  async close(): Promise<void> {
    this.stopTimer();
    const running = this.running;
    this.running = undefined;
    const browser = await running?.browser.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }

  private browser(browserPath: string | undefined): Promise<PdfBrowser> {
    if (this.running && this.running.path !== browserPath) void this.close();
    if (!this.running) {
      const browser = launchBrowser({ browserPath });
      this.launches++;
      const running = { path: browserPath, browser };
      this.running = running;
      browser.then(
        // A browser that crashed or was closed from outside is started again next time.
        (started) => started.context.on('close', () => this.running === running && (this.running = undefined)),
        () => this.running === running && (this.running = undefined),
      );
    }
    return this.running.browser;
  }

  private startTimer(): void {
    this.stopTimer();
    this.timer = setTimeout(() => void this.close(), this.idleMs);
    this.timer.unref?.();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export const warmBrowser = new WarmBrowser();

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('Export cancelled.');
}

/** The job's configuration, else the deck's files'; a broken file: the defaults (no raw HTML, nothing remote). */
function configOf(job: FileExportJob): ResolvedConfig | undefined {
  if (job.config) return job.config;
  try {
    return new ConfigLoader().configFor(dirname(job.deckPath));
  } catch {
    return undefined;
  }
}

/**
 * What every export of the job shares: the deck read and parsed once, its configuration, and
 * `root`, the workspace folder pictures must be inside when the job names one (to spread into
 * an exporter's options).
 */
async function prepare(job: FileExportJob) {
  const { source, deck } = await readDeck(job);
  const config = configOf(job);
  const network: NetworkPolicy = { allowRemote: config?.allowRemote ?? false };
  const root = job.workspaceRoot ? { workspaceRoot: job.workspaceRoot } : {};
  return { source, deck, config, network, html: config?.html ?? false, root };
}

/** `slide 2 (line 14): …`, as the output channel shows what an export left out. */
export function describeLeftOut(item: LeftOut): string {
  const line = item.line === undefined ? '' : `line ${item.line}: `;
  return `${line}${slidePrefix(item)}${item.message}`;
}

/** What a browser export left out: pictures refused, requests not answered. */
function leftOutOf(deck: Deck, warnings: readonly PictureWarning[], refused: readonly RefusedRequest[], network: NetworkPolicy): string[] {
  return [...leftOutPictures(deck, warnings), ...leftOutRequests(deck, refused, network)].map(describeLeftOut);
}

async function readDeck(job: FileExportJob): Promise<{ source: string; deck: Deck }> {
  throwIfAborted(job.signal);
  const source = await readFile(job.deckPath, 'utf8');
  return { source, deck: parseDeck(source, job.deckPath) };
}

export async function exportPptxFile(job: FileExportJob): Promise<FileExportResult> {
  const { deck, root } = await prepare(job);
  const result = await exportPptx(deck, { deckPath: job.deckPath, outPath: job.outPath, ...root });
  return { files: [result.outPath], slideCount: result.slideCount, warnings: result.warnings.map(describeWarning) };
}

/** The standalone HTML, or with `present` the presentation (one slide at a time, presenter view). */
export async function exportHtmlFile(job: FileExportJob, present = false): Promise<FileExportResult> {
  const { source, deck, html, root } = await prepare(job);
  const result = await exportHtml(job.deckPath, job.outPath, { present, source, deck, html, ...root });
  const warnings = [...leftOutPictures(deck, result.warnings).map(describeLeftOut), ...result.warnings.filter((warning) => warning.kind === 'remote').map((warning) => warning.message)];
  return { files: [result.outPath], slideCount: result.slideCount, warnings };
}

/** The PDF (and with `notes`, its handout `<name>.notes.pdf`), printed in the warm browser. */
export async function exportPdfFile(job: FileExportJob, notes = false): Promise<FileExportResult> {
  const { source, deck, network, config, root } = await prepare(job);
  return warmBrowser.use(job.browserPath, job.signal, async (browser) => {
    const place = { deckPath: job.deckPath, outPath: job.outPath, notesOutPath: handoutPath(job.outPath), ...root };
    // With the configuration, the drawn checks run on the printed page, as on the command line.
    const result = await exportPdf({ browser, ...place, notes, source, deck, network, ...(config ? { config } : {}) });
    const files = [result.pdf.outPath, ...(result.handout ? [result.handout.outPath] : [])];
    return { files, slideCount: result.pdf.pages, warnings: [...leftOutOf(deck, result.warnings, result.refused, network), ...result.checked.map(describeWarning)] };
  });
}

/** PNG pictures of the slides (`job.slides`, else all) into the folder `job.outPath`. */
export async function exportPngFiles(job: FileExportJob): Promise<FileExportResult> {
  const { source, deck, network, html, root } = await prepare(job);
  return warmBrowser.use(job.browserPath, job.signal, async (browser) => {
    const result = await exportPng({ browser, deckPath: job.deckPath, outDir: job.outPath, ...root, ...(job.slides ? { slides: job.slides } : {}), source, network, html });
    return { files: result.files.map((file) => file.outPath), slideCount: result.slideCount, warnings: leftOutOf(deck, result.warnings, result.refused, network) };
  });
}

export function closeWarmBrowser(): Promise<void> {
  return warmBrowser.close();
}
