// Import benchmark for `npm run bench` (issue 13, "Performance"): a 100-slide PPTX, made by
// isdeck's own export from the generated corpus deck, imported by the built CLI.
//
//   isdeck import of a 100-slide PPTX    wall time of the whole command   target < 1 s
//
// The figure is the median of ISDECK_BENCH_RUNS runs (default 3); the command's own figure
// (reading, typing, writing and linting, without Node's start-up) is printed beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDeck } from './corpus.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function benchImport({ root, work, timeNode, row, fmt }) {
  const folder = join(work, 'import');
  mkdirSync(folder, { recursive: true });
  const deck = join(folder, 'hundred.md');
  writeFileSync(deck, generateDeck(100));
  const cli = join(root, 'dist/cli.js');
  const exported = timeNode([cli, 'export', '--pptx', deck], { cwd: folder });
  if (exported.status !== 0) {
    row('import a 100-slide PPTX', `not measured: the export failed (${exported.stderr.trim().split('\n').at(-1)})`);
    return;
  }
  const runs = Number(process.env.ISDECK_BENCH_RUNS ?? 3);
  const walls = [];
  const own = [];
  let last;
  for (let run = 0; run < runs; run++) {
    last = timeNode([cli, 'import', 'hundred.pptx', '--out', 'out', '--force'], { cwd: folder });
    walls.push(last.ms);
    own.push(Number(/in (\d+\.\d+) s$/m.exec(last.stdout)?.[1] ?? Number.NaN) * 1000);
  }
  const startup = median(Array.from({ length: runs }, () => timeNode([cli, '--version']).ms));
  const slides = /(\d+) of (\d+) slides imported/.exec(last.stdout);
  row(`import a ${slides?.[2] ?? '?'}-slide PPTX: isdeck import, whole command (median of ${runs})`, `${fmt(median(walls))} ms (exit ${last.status})`, '< 1000 ms');
  row('  of which reading, typing, fixing, linting and writing', `${fmt(median(own))} ms`);
  row('  for scale: starting Node and the CLI (isdeck --version)', `${fmt(startup)} ms`);
  row('  peak memory, import run', `${fmt(last.peakMiB)} MiB`);
}
