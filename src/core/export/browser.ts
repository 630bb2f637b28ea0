/**
 * Finding and starting a Chromium-family browser (Chrome, Chromium, Edge) for PDF export.
 *
 * Order: an explicit path (`--browser-path`, the VS Code setting `isdeck.browserPath`), then
 * the `ISDECK_BROWSER` environment variable, then the well-known install locations of the
 * platform and the commands on `PATH`. When none is found, or the one named cannot start,
 * {@link BrowserNotFoundError} says how to install one or point to it.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SLIDE_PX } from '../house-geometry';

export type BrowserSource = 'option' | 'env' | 'well-known';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

export interface BrowserLookupOptions {
  /** `--browser-path` or the editor setting; empty or undefined means "look for one". */
  browserPath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** For tests: whether a path is a runnable file. */
  isExecutable?: (path: string) => boolean;
}

export interface LaunchOptions extends BrowserLookupOptions {
  /** Milliseconds to wait for the browser to start (default 30 s). */
  timeoutMs?: number;
}

/** Both "nothing found" and "the one found or named would not start". */
export class BrowserNotFoundError extends Error {
  readonly code = 'ISDECK_BROWSER_NOT_FOUND';
  constructor(
    readonly reason: 'not-found' | 'not-a-file' | 'launch-failed',
    /** What was looked at, in order. */
    readonly tried: readonly string[],
    detail: string,
  ) {
    super(`${detail}\n${HOW_TO_GET_ONE}`);
    this.name = 'BrowserNotFoundError';
  }
}

export const HOW_TO_GET_ONE = [
  'PDF export needs Chrome, Chromium or Microsoft Edge. Either:',
  '  - install one: Debian/Ubuntu `sudo apt-get install chromium`; Fedora `sudo dnf install chromium`;',
  '    macOS/Windows: download Chrome (https://www.google.com/chrome/) or Edge (https://www.microsoft.com/edge); or',
  '  - point isdeck to one: `--browser-path /path/to/chrome`, the ISDECK_BROWSER environment variable,',
  '    or the VS Code setting `isdeck.browserPath`.',
  'PPTX and HTML export do not need a browser.',
].join('\n');

const LINUX_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

/** Candidate paths for a platform, most likely first. */
export function wellKnownBrowserPaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => `${root}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => !!root);
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
    return exes.flatMap((exe) => roots.map((root) => `${root.replace(/\\$/, '')}\\${exe}`));
  }
  const fixed = [
    ...LINUX_COMMANDS.map((name) => `/usr/bin/${name}`),
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
  ];
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && dir !== '/usr/bin')
    .flatMap((dir) => LINUX_COMMANDS.map((name) => join(dir, name)));
  return [...new Set([...fixed, ...onPath])];
}

function defaultIsExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to use, or a {@link BrowserNotFoundError}. Does not start it. */
export function findBrowser(options: BrowserLookupOptions = {}): FoundBrowser {
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? defaultIsExecutable;
  const named = (path: string, source: BrowserSource, label: string): FoundBrowser => {
    if (isExecutable(path)) return { path, source };
    throw new BrowserNotFoundError('not-a-file', [path], `No browser at ${label} ${path}: no such runnable file.`);
  };
  if (options.browserPath?.trim()) return named(options.browserPath.trim(), 'option', 'the given browser path');
  if (env.ISDECK_BROWSER?.trim()) return named(env.ISDECK_BROWSER.trim(), 'env', 'ISDECK_BROWSER=');
  const candidates = wellKnownBrowserPaths(options.platform ?? process.platform, env);
  const path = candidates.find(isExecutable);
  if (path) return { path, source: 'well-known' };
  throw new BrowserNotFoundError('not-found', candidates, 'No Chrome, Chromium or Edge was found on this machine.');
}

/** Chromium switches for a quiet, headless print run. `--no-sandbox` only as root or on Linux CI. */
export function browserArgs(options: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; isRoot?: boolean } = {}): string[] {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const ci = platform === 'linux' && !!env.CI && env.CI !== 'false' && env.CI !== '0';
  return [
    ...(isRoot || ci ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

let playwright: Promise<typeof import('playwright-core')> | undefined;

/**
 * Loads playwright-core (once). It takes 0.3–1 s of this thread, so it is loaded only when a
 * PDF is wanted, and a caller may load it ahead to order its own work around it.
 */
export function loadPlaywright(): Promise<typeof import('playwright-core')> {
  // `require` where there is one (the CommonJS bundles): an `import()` of a CommonJS package
  // first scans its 7 MB for export names, about 0.1 s more.
  playwright ??=
    typeof require === 'function'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: faster than import() in the CommonJS bundles
        Promise.resolve().then(() => require('playwright-core') as typeof import('playwright-core'))
      : import('playwright-core');
  return playwright;
}

/**
 * A running browser for printing: one headless Chromium with one profile, its pages reused
 * from deck to deck. Any number of decks may print at once (a page each).
 */
export interface PdfBrowser {
  /** The browser's executable. */
  readonly executablePath: string;
  /** The browser context pages come from (for tests and checks). */
  readonly context: BrowserContext;
  /** A blank page to print on: an idle one, else a new one. */
  newPage(): Promise<Page>;
  /** Gives a page back for the next deck (a page that has crashed or closed is dropped). */
  release(page: Page): Promise<void>;
  close(): Promise<void>;
}

class BrowserSession implements PdfBrowser {
  private readonly idle: Page[];
  private closed = false;

  constructor(
    readonly executablePath: string,
    readonly context: BrowserContext,
  ) {
    // The context opens with one page, made while the browser started: the first deck's.
    this.idle = [...context.pages()];
  }

  async newPage(): Promise<Page> {
    for (let page = this.idle.pop(); page; page = this.idle.pop()) if (!page.isClosed()) return page;
    return this.context.newPage();
  }

  async release(page: Page): Promise<void> {
    if (this.closed || page.isClosed()) return;
    this.idle.push(page);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.idle.length = 0;
    await this.context.close();
  }
}

/**
 * Finds a browser and starts it headless with playwright-core (a persistent context on a
 * temporary profile, so the first page is ready when the browser is). Throws
 * {@link BrowserNotFoundError} when none is found or it does not start.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<PdfBrowser> {
  const found = findBrowser(options);
  const { chromium } = await loadPlaywright();
  try {
    // An empty user-data-dir: playwright makes a temporary profile and removes it on close.
    const context = await chromium.launchPersistentContext('', {
      executablePath: found.path,
      args: browserArgs({ ...(options.platform ? { platform: options.platform } : {}), ...(options.env ? { env: options.env } : {}) }),
      timeout: options.timeoutMs ?? 30_000,
      viewport: { ...SLIDE_PX['16:9'] },
      offline: false,
      acceptDownloads: false,
    });
    return new BrowserSession(found.path, context);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error))
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line && !/unexpected operator/.test(line));
    throw new BrowserNotFoundError('launch-failed', [found.path], `The browser at ${found.path} did not start${first ? `: ${first}` : '.'}`);
  }
}
