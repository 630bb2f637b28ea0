import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/**
 * The CLI under test. For now each test worker bundles `src/cli/main.ts` itself (see `buildCli`);
 * to test the shipped bundle instead, point this at `dist/cli.js` and make `buildCli` a no-op.
 */
export const CLI_PATH = join(tmpdir(), `isdeck-cli-test-${process.pid}`, 'cli.js');

let built: Promise<void> | undefined;

// The bundle is per worker process; remove it when the worker ends.
process.once('exit', () => rmSync(dirname(CLI_PATH), { recursive: true, force: true }));

/** Bundles the CLI to CLI_PATH once per worker; call it in `beforeAll`. */
export function buildCli(): Promise<void> {
  built ??= build({
    entryPoints: [join(PROJECT_ROOT, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: CLI_PATH,
    logLevel: 'warning',
    // tinyglobby's fdir reads `import.meta.url`, which a CommonJS bundle does not have.
    banner: { js: 'const __isdeckImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__isdeckImportMetaUrl' },
  }).then(() => {
    if (!existsSync(CLI_PATH)) throw new Error(`esbuild wrote no ${CLI_PATH}`);
  });
  return built;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Written to standard input, which is then closed (closed at once when absent). */
  input?: string | Uint8Array;
  env?: Record<string, string>;
  /** Kill the run after this long: a hang fails the test instead of stalling the suite. */
  timeoutMs?: number;
}

/** Runs `node CLI_PATH ...args` as a child process and collects its exit code and output. */
export function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ISDECK_DEBUG: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`isdeck ${args.join(' ')} did not finish in ${options.timeoutMs ?? 30_000} ms`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
