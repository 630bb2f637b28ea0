// Export benchmarks for `npm run bench` (issue 4, "Performance"): isdeck side by side with
// @marp-team/marp-cli, same machine, same run, same browser (Debian's /usr/bin/chromium or
// whatever ISDECK_BROWSER / the usual places give).
//
//   PDF of the seed deck            isdeck / marp-cli time   target ≤ 0.8
//   PDF with the drawn checks       checks on / off          target ≤ 1.1
//   PDF of 10 decks in one call     isdeck / marp-cli time   target ≤ 0.5 (checks on, as shipped)
//   PPTX of the seed deck           isdeck / marp-cli time   target ≤ 0.2, file size ≤ 0.2
//
// Each figure is the median of ISDECK_BENCH_RUNS runs (default 3), isdeck and marp-cli taking
// turns. Peak memory is the Node process's own (the browser's processes are not counted, for
// either tool). Marp CLI turns Chromium's sandbox off by itself when run as root.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function findChromium() {
  const candidates = [
    process.env.ISDECK_BROWSER,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
  ];
  return candidates.find((path) => path && existsSync(path));
}

/** `dist/cli.js` when it has `export`; else a bundle of src/cli/export/ behind a small entry. */
async function isdeckCommand(root, work) {
  const dist = join(root, 'dist/cli.js');
  if (existsSync(dist)) {
    const help = spawnSync(process.execPath, [dist, 'export', '--help'], { encoding: 'utf8' });
    if (help.status === 0 && help.stdout.includes('isdeck export')) return [dist, 'export'];
  }
  const folder = join(work, 'isdeck-export-bin');
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
  const outfile = join(folder, 'cli.js');
  await build({
    stdin: {
      contents: `import { runExport } from './src/cli/export';
const io = { cwd: process.cwd(), stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t),
  stdoutIsTTY: false, env: process.env, readStdin: async () => new Uint8Array() };
runExport(process.argv.slice(2), io).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(String(e && e.message) + '\\n'); process.exitCode = 2; });`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'bench-export-entry.ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['playwright-core', 'pptxgenjs'],
    logLevel: 'error',
    banner: { js: 'const __isdeckImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__isdeckImportMetaUrl' },
  });
  // The bundle is outside the package: it finds the theme through ISDECK_ROOT.
  process.env.ISDECK_ROOT = root;
  return [outfile];
}

/**
 * The house theme with its fonts and wordmark inlined as data: URLs. Marp CLI resolves a
 * theme's relative url()s against the deck, not the CSS file, so with the theme as shipped
 * its PDF has no wordmark and falls back to installed fonts: less to draw than isdeck's.
 * Inlined, both tools print the same slides.
 */
function selfContainedTheme(root, folder) {
  const themes = join(root, 'themes');
  const types = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png' };
  const css = readFileSync(join(themes, 'improvement-service.css'), 'utf8').replace(/url\((['"]?)([^'")]+)\1\)/g, (whole, _quote, path) => {
    if (/^(data:|https?:|#)/.test(path)) return whole;
    const type = types[extname(path).toLowerCase()];
    const file = join(themes, path);
    if (!type || !existsSync(file)) return whole;
    return `url('data:${type};base64,${readFileSync(file).toString('base64')}')`;
  });
  mkdirSync(folder, { recursive: true });
  const out = join(folder, 'improvement-service.css');
  writeFileSync(out, css);
  return out;
}

function sizeOf(file) {
  try {
    return statSync(file).size;
  } catch {
    return Number.NaN;
  }
}

function check(result, what) {
  if (result.status !== 0) {
    const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').filter((line) => !/unexpected operator/.test(line));
    throw new Error(`${what} exited ${result.status}:\n${output.slice(-15).join('\n')}`);
  }
  return result;
}

/** The phases of one deck's PDF export, timed in one process (scripts/bench/pdf-phases.ts); `undefined` if it fails. */
async function pdfPhasesBundle(root, work) {
  const outfile = join(work, 'pdf-phases.cjs');
  await build({ entryPoints: [join(root, 'scripts/bench/pdf-phases.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', external: ['playwright-core'], logLevel: 'error' });
  return outfile;
}

let phasesBundle;

function pdfPhases(root, work, timeNode, deck) {
  // The bundle lives outside the package: playwright-core and the theme are found from `root`.
  const saved = { NODE_PATH: process.env.NODE_PATH, ISDECK_ROOT: process.env.ISDECK_ROOT };
  process.env.NODE_PATH = join(root, 'node_modules');
  process.env.ISDECK_ROOT = root;
  const result = timeNode([phasesBundle, root, deck, '5'], { cwd: root });
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (result.status !== 0) {
    process.stderr.write(`pdf phases failed: ${result.stderr}\n`);
    return undefined;
  }
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/**
 * Runs the export benchmarks and adds their rows. `timeNode(args, {cwd})` runs a Node script
 * as a child and returns `{ms, peakMiB, status, stdout, stderr}`; `row(name, value, target)`
 * adds a line to the table; `fmt(n, digits)` formats a number.
 */
export async function benchExport({ root, work, timeNode, row, fmt }) {
  const browser = findChromium();
  if (!browser) {
    row('export benchmarks', 'skipped: no Chromium (set ISDECK_BROWSER)');
    return;
  }
  const runs = Math.max(1, Number(process.env.ISDECK_BENCH_RUNS) || 3);
  const env = { ...process.env };
  const isdeck = await isdeckCommand(root, work);
  phasesBundle = await pdfPhasesBundle(root, work);
  const marpCli = join(root, 'node_modules/@marp-team/marp-cli/marp-cli.js');
  const theme = selfContainedTheme(root, join(work, 'export-theme'));
  const marpArgs = ['--allow-local-files', '--theme-set', theme, '--browser', 'chrome', '--browser-path', browser, '--browser-timeout', '120'];

  const base = join(work, 'export');
  const decks = join(base, 'decks');
  mkdirSync(decks, { recursive: true });
  const seed = join(decks, 'masterclass-2010-03-24.md');
  copyFileSync(join(root, 'decks/masterclass-2010-03-24.md'), seed);
  // The same deck beside a configuration that turns the drawn checks off.
  const unchecked = join(base, 'unchecked');
  mkdirSync(unchecked, { recursive: true });
  const seedUnchecked = join(unchecked, 'masterclass-2010-03-24.md');
  copyFileSync(seed, seedUnchecked);
  writeFileSync(join(unchecked, '.isdeckrc.json'), JSON.stringify({ root: true, rules: { 'slide-overflow': 'off', 'min-font-size': 'off', contrast: 'off' } }));
  const ten = join(base, 'ten');
  mkdirSync(ten, { recursive: true });
  for (let i = 1; i <= 10; i++) copyFileSync(seed, join(ten, `deck-${String(i).padStart(2, '0')}.md`));

  process.env.ISDECK_BROWSER = browser;
  try {
    const series = { pdfI: [], pdfOff: [], pdfM: [], tenI: [], tenM: [], pptxI: [], pptxM: [] };
    const peaks = { pdfI: [], pdfOff: [], pdfM: [], tenI: [], tenM: [], pptxI: [], pptxM: [] };
    let pptxSizes = { isdeck: Number.NaN, marp: Number.NaN };
    let pdfSizes = { isdeck: Number.NaN, marp: Number.NaN };
    const record = (key, result) => {
      series[key].push(result.ms);
      peaks[key].push(result.peakMiB);
    };

    for (let run = 0; run < runs; run++) {
      const out = join(base, `run-${run}`);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });

      // PDF of the seed deck.
      record('pdfI', check(timeNode([...isdeck, seed, '--pdf', '--out', join(out, 'i-pdf')], { cwd: base }), 'isdeck export --pdf'));
      record('pdfOff', check(timeNode([...isdeck, seedUnchecked, '--pdf', '--out', join(out, 'i-pdf-off')], { cwd: base }), 'isdeck export --pdf (checks off)'));
      record('pdfM', check(timeNode([marpCli, '--pdf', ...marpArgs, seed, '-o', join(out, 'm-pdf', 'seed.pdf')], { cwd: base }), 'marp-cli --pdf'));
      pdfSizes = { isdeck: sizeOf(join(out, 'i-pdf', 'masterclass-2010-03-24.pdf')), marp: sizeOf(join(out, 'm-pdf', 'seed.pdf')) };

      // PPTX of the seed deck: native slides against pictures of slides.
      record('pptxI', check(timeNode([...isdeck, seed, '--pptx', '--out', join(out, 'i-pptx')], { cwd: base }), 'isdeck export --pptx'));
      record('pptxM', check(timeNode([marpCli, '--pptx', ...marpArgs, seed, '-o', join(out, 'm-pptx', 'seed.pptx')], { cwd: base }), 'marp-cli --pptx'));
      pptxSizes = { isdeck: sizeOf(join(out, 'i-pptx', 'masterclass-2010-03-24.pptx')), marp: sizeOf(join(out, 'm-pptx', 'seed.pptx')) };

      // Ten decks in one call.
      record('tenI', check(timeNode([...isdeck, ten, '--pdf', '--out', join(out, 'i-ten')], { cwd: base }), 'isdeck export (10 decks)'));
      record('tenM', check(timeNode([marpCli, '--pdf', ...marpArgs, '-I', ten, '-o', join(out, 'm-ten')], { cwd: base }), 'marp-cli (10 decks)'));
      const written = [readdirSync(join(out, 'i-ten')).length, readdirSync(join(out, 'm-ten')).length];
      if (written[0] !== 10 || written[1] !== 10) throw new Error(`10-deck runs wrote ${written[0]} (isdeck) and ${written[1]} (marp-cli) files`);
      rmSync(out, { recursive: true, force: true });
    }

    const ms = (key) => median(series[key]);
    const peak = (key) => Math.max(...peaks[key]);
    const label = `median of ${runs}`;
    row(`PDF, 45-slide seed deck: isdeck (${label})`, `${fmt(ms('pdfI'))} ms, ${fmt(pdfSizes.isdeck / 1024)} KiB`);
    row(`PDF, 45-slide seed deck: marp-cli (${label})`, `${fmt(ms('pdfM'))} ms, ${fmt(pdfSizes.marp / 1024)} KiB`);
    row('  ratio isdeck / marp-cli', fmt(ms('pdfI') / ms('pdfM'), 2), '≤ 0.80');
    row('  peak memory (Node; browser not counted): isdeck / marp-cli', `${fmt(peak('pdfI'))} / ${fmt(peak('pdfM'))} MiB`);
    row(`PDF, seed deck, drawn checks off (${label})`, `${fmt(ms('pdfOff'))} ms`);
    row('  ratio checks on / off', fmt(ms('pdfI') / ms('pdfOff'), 2), '≤ 1.10');
    const phases = pdfPhases(root, work, timeNode, seed);
    if (phases) {
      row('  where one deck’s time goes (in process, median of 5)', Object.entries(phases).map(([name, value]) => `${name} ${fmt(value)} ms`).join('; '));
    }
    row(`PDF, 10 decks × 45 slides in one call: isdeck (${label})`, `${fmt(ms('tenI'))} ms`);
    row(`PDF, 10 decks × 45 slides in one call: marp-cli (${label})`, `${fmt(ms('tenM'))} ms`);
    row('  ratio isdeck / marp-cli', fmt(ms('tenI') / ms('tenM'), 2), '≤ 0.50');
    row('  peak memory (Node; browser not counted): isdeck / marp-cli', `${fmt(peak('tenI'))} / ${fmt(peak('tenM'))} MiB`);
    row(`PPTX, seed deck: isdeck native (${label})`, `${fmt(ms('pptxI'))} ms, ${fmt(pptxSizes.isdeck / 1024)} KiB`);
    row(`PPTX, seed deck: marp-cli --pptx (${label})`, `${fmt(ms('pptxM'))} ms, ${fmt(pptxSizes.marp / 1024)} KiB`);
    row('  time ratio isdeck / marp-cli', fmt(ms('pptxI') / ms('pptxM'), 2), '≤ 0.20');
    row('  file size ratio isdeck / marp-cli', fmt(pptxSizes.isdeck / pptxSizes.marp, 2), '≤ 0.20');
    row('  peak memory (Node; browser not counted): isdeck / marp-cli', `${fmt(peak('pptxI'))} / ${fmt(peak('pptxM'))} MiB`);
  } finally {
    for (const key of ['ISDECK_BROWSER', 'ISDECK_ROOT']) {
      if (env[key] === undefined) delete process.env[key];
      else process.env[key] = env[key];
    }
  }
}
