// `npm run bench`: prints the figures the issues ask for. Every figure comes from this run,
// on this machine; peers run side by side in the same run.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './bench/corpus.mjs';
import { benchExport } from './bench/export.mjs';
import { benchImport } from './bench/import.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'isdeck-bench-'));
const peakRss = join(root, 'scripts/bench/peak-rss.cjs');

/** Runs a Node script as a child; returns wall time (ms), peak memory (MiB) and its output. */
function timeNode(args, { cwd = root, env = {} } = {}) {
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--require', peakRss, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env, ISDECK_PEAK_RSS_FILE: rssFile },
  });
  const ms = performance.now() - start;
  let peakMiB = Number.NaN;
  try {
    peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // The child died before writing it: the figure prints as NaN.
  }
  return { ms, peakMiB, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const rows = [];
const row = (name, value, target = '') => rows.push([name, value, target]);

function lintCorpus() {
  const corpus = join(work, 'corpus');
  writeCorpus(corpus, 200, 40);
  const isdeck = timeNode([join(root, 'dist/cli.js'), 'lint', corpus, '--format', 'json']);
  const markdownlint = timeNode([join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md'], { cwd: corpus });
  row('lint 200 decks × 40 slides: isdeck', `${fmt(isdeck.ms)} ms (exit ${isdeck.status})`);
  row('lint 200 decks × 40 slides: markdownlint-cli2', `${fmt(markdownlint.ms)} ms (exit ${markdownlint.status})`);
  row('  ratio isdeck / markdownlint-cli2', fmt(isdeck.ms / markdownlint.ms, 2), '≤ 1.00');
  row('  peak memory, isdeck corpus run', `${fmt(isdeck.peakMiB)} MiB`);
  row('  peak memory, markdownlint-cli2 corpus run', `${fmt(markdownlint.peakMiB)} MiB`);
}

async function inProcess() {
  const bundle = join(work, 'in-process.cjs');
  await build({ entryPoints: [join(root, 'scripts/bench/in-process.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['playwright-core', 'pptxgenjs'], logLevel: 'error' });
  const result = timeNode([bundle, root]);
  if (result.status !== 0) throw new Error(result.stderr);
  const figures = JSON.parse(result.stdout.trim().split('\n').at(-1));
  row('re-lint a 300-slide deck after a one-line edit, in process (median of 50)', `${fmt(figures.relint300, 2)} ms`, '< 15 ms');
  row('re-lint a 300-slide deck after a one-line edit, through the editor\'s lint worker (median of 50)', `${fmt(figures.relint300Worker, 2)} ms`, '< 15 ms');
  row('lint a 300-slide deck from scratch, in process (median of 20)', `${fmt(figures.fullLint300, 2)} ms`);
  row('lint the 45-slide seed deck in process (median of 50)', `${fmt(figures.seedLint, 2)} ms`);
  row('render the 45-slide seed deck to HTML in process (median of 30)', `${fmt(figures.seedRender, 2)} ms`, '< 60 ms');
}

/**
 * The adversarial 1 MB decks (test/hardening/adversarial.ts), each in its own process: the
 * slowest total (lint + --fix + re-lint + render), the most CPU and the most memory.
 */
async function adversarial() {
  const bundle = join(work, 'adversarial.cjs');
  await build({ entryPoints: [join(root, 'scripts/bench/adversarial.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['playwright-core', 'pptxgenjs'], logLevel: 'error' });
  const { cases } = JSON.parse(timeNode([bundle]).stdout.trim());
  const results = [];
  for (let index = 0; index < cases; index++) {
    const run = timeNode([bundle, String(index)]);
    if (run.status !== 0) {
      row(`adversarial case ${index}`, `failed: ${run.stderr.trim().split('\n').at(-1)}`);
      continue;
    }
    const figures = JSON.parse(run.stdout.trim().split('\n').at(-1));
    results.push({ ...figures, total: figures.lint + figures.fix + figures.relint + figures.render, peakMiB: run.peakMiB });
  }
  const worst = (key) => results.reduce((a, b) => (b[key] > a[key] ? b : a));
  const total = worst('total');
  const cpu = worst('cpuMs');
  const memory = worst('peakMiB');
  row(`adversarial 1 MB decks (${results.length} of ${cases}): slowest lint + fix + re-lint + render`, `${fmt(total.total)} ms (${total.name})`, '< 60000 ms');
  row('  most CPU time for one deck', `${fmt(cpu.cpuMs)} ms (${cpu.name})`);
  row('  most memory for one deck (peak RSS of its process)', `${fmt(memory.peakMiB)} MiB (${memory.name})`);
  row('  slowest single stage', `${fmt(Math.max(...results.map((r) => Math.max(r.lint, r.fix, r.relint, r.render))))} ms`);
}

/** Words of Marp's own rendering kept by each export, corpus and bundled decks (see test/helpers/conservation.ts). */
async function conservation() {
  // Inside node_modules, so that the packages left out of the bundle (playwright-core, pdf.js) resolve.
  const bundle = join(root, 'node_modules', '.cache', 'isdeck-bench', 'conservation.cjs');
  await build({
    entryPoints: [join(root, 'scripts/bench/conservation.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['playwright-core', 'pptxgenjs', 'pdfjs-dist'],
    logLevel: 'error',
    banner: { js: 'const __isdeckImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__isdeckImportMetaUrl' },
  });
  const result = timeNode([bundle, root], { env: { ISDECK_ROOT: root } });
  if (result.status !== 0) throw new Error(result.stderr);
  const figures = JSON.parse(result.stdout.trim().split('\n').at(-1));
  const cell = (kept) => (kept ? `${fmt(kept.percent, 1)} % (${kept.kept}/${kept.total})` : 'n/a');
  for (const deck of figures) {
    row(`words kept, ${deck.deck} (${deck.slides} slides): HTML | PDF | PPTX`, `${cell(deck.formats.html)} | ${cell(deck.formats.pdf)} | ${cell(deck.formats.pptx)}`, 'HTML, PDF 100 %; PPTX ≥ 99 %');
  }
}

/** The PDF/UA pass and checks on the seed deck's print, in process (issue 14). */
async function pdfUa() {
  const bundle = join(root, 'node_modules', '.cache', 'isdeck-bench', 'pdf-ua.cjs');
  await build({
    entryPoints: [join(root, 'scripts/bench/pdf-ua.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['playwright-core', 'pptxgenjs'],
    logLevel: 'error',
    banner: { js: 'const __isdeckImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__isdeckImportMetaUrl' },
  });
  const result = timeNode([bundle, root], { env: { ISDECK_ROOT: root } });
  if (result.status !== 0) {
    row('PDF/UA pass and checks', `not measured: ${result.stderr.trim().split('\n').at(-1)}`);
    return;
  }
  const figures = JSON.parse(result.stdout.trim().split('\n').at(-1));
  const cost = (f) => `${fmt(f.ms, 1)} ms (CPU ${fmt(f.cpuMs, 1)} ms)`;
  row('PDF/UA pass + properties + outline on the seed deck\'s print, in process (median of 10)', cost(figures.pass));
  row('PDF/UA checks of the seed deck\'s PDF, in process (median of 10)', cost(figures.checks));
  row('  seed PDF: as Chromium prints it → as isdeck writes it', `${fmt(figures.printedBytes / 1024)} → ${fmt(figures.finishedBytes / 1024)} KiB`);
}

function renderedLint() {
  const seed = join(root, 'decks/masterclass-2010-03-24.md');
  const plain = timeNode([join(root, 'dist/cli.js'), 'lint', seed, '--format', 'json']);
  const rendered = timeNode([join(root, 'dist/cli.js'), 'lint', seed, '--render', '--format', 'json']);
  row('lint the seed deck: plain', `${fmt(plain.ms)} ms`);
  row('lint the seed deck: --render (Chromium start included)', `${fmt(rendered.ms)} ms (exit ${rendered.status})`, '< 2000 ms');
  row('  ratio --render / plain', fmt(rendered.ms / plain.ms, 1));
  row('  peak memory, --render run (isdeck process)', `${fmt(rendered.peakMiB)} MiB`);
}

/** Export Deck… in the extension: the browser kept warm, so a second PDF export skips its start. */
function warmExport() {
  const folder = join(work, 'warm-export');
  mkdirSync(folder, { recursive: true });
  const result = timeNode([join(root, 'scripts/bench/warm-export.cjs'), root, folder]);
  if (result.status !== 0) {
    row('extension PDF export, warm browser', `failed: ${result.stderr.trim().split('\n').at(-1)}`);
    return;
  }
  const figures = JSON.parse(result.stdout.trim().split('\n').at(-1));
  row('extension PDF export of the seed deck: first (browser start included)', `${fmt(figures.cold)} ms`);
  row('  second export (warm browser)', `${fmt(figures.warm)} ms`, '< 500 ms');
  row('  third, after an edit (warm browser)', `${fmt(figures.afterEdit)} ms (browsers started: ${figures.launches})`);
}

/**
 * The extension: the VSIX is built here; activation is measured inside a real VS Code by the
 * extension test run (`npm test` or `npm run test:vscode`), which records it.
 */
function extension() {
  const packaged = spawnSync(process.execPath, [join(root, 'scripts/package-vsix.mjs')], { cwd: root, encoding: 'utf8' });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);
  row('VSIX size', packaged.status === 0 ? `${fmt(statSync(vsix).size / 1024 / 1024, 2)} MB` : `not built: ${packaged.stderr.trim().split('\n').at(-1)}`, '≤ 8 MB');
  const metrics = join(root, '.cache/vscode-test/metrics.json');
  if (!existsSync(metrics)) {
    row('extension activation in a real VS Code', 'not measured yet: run `npm run test:vscode`');
    return;
  }
  const measured = JSON.parse(readFileSync(metrics, 'utf8'));
  row('extension activation in a real VS Code (last test run)', `${fmt(measured.activationMs, 1)} ms (${measured.host}, ${measured.date})`, '≤ 150 ms');
}

try {
  lintCorpus();
  await inProcess();
  await adversarial();
  renderedLint();
  await benchExport({ root, work, timeNode, row, fmt });
  await pdfUa();
  benchImport({ root, work, timeNode, row, fmt });
  await conservation();
  warmExport();
  extension();
} finally {
  rmSync(work, { recursive: true, force: true });
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`isdeck benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value}${target ? `   (target ${target})` : ''}`);
