/**
 * `npm run fuzz -- [--seed N] [--count N] [--minutes M] [--save FOLDER]`: the long fuzz run.
 * Bundled and started by scripts/fuzz.mjs. Every deck that breaks a promise is written to
 * FOLDER (default test/fixtures/fuzz/) as a regression fixture; exit 1 if any was found.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusDecks } from './corpus';
import { runFuzz, type FuzzRun } from './fuzzer';
import { saveRegression } from './regressions';

const root = process.cwd();
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '100000' },
    minutes: { type: 'string', default: '240' },
    save: { type: 'string', default: 'test/fixtures/fuzz' },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);
const minutes = Number(values.minutes);
if (![seed, count, minutes].every(Number.isFinite)) {
  console.error('isdeck fuzz: --seed, --count and --minutes take numbers');
  process.exit(2);
}
const folder = resolve(root, values.save);
mkdirSync(folder, { recursive: true });
const corpus = corpusDecks(root).map((deck) => deck.text);
const summary = (run: FuzzRun) =>
  `${run.decks} decks, ${run.findings.length} found, ${(run.ms / 1000).toFixed(0)} s (${(run.ms / Math.max(run.decks, 1)).toFixed(1)} ms a deck, peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`;

console.log(`isdeck fuzz: seed ${seed}, up to ${count} decks or ${minutes} minutes, ${corpus.length} corpus decks`);
const run = runFuzz({
  seed,
  count,
  timeMs: minutes * 60_000,
  corpus,
  onFinding: (finding) => {
    const name = saveRegression(folder, finding);
    console.log(`found (${finding.found.map((item) => item.check).join(', ')}): ${name}: ${finding.found[0]?.detail.slice(0, 200)}`);
  },
  onProgress: (progress) => console.log(summary(progress)),
});
console.log(`done: ${summary(run)}`);
process.exit(run.findings.length > 0 ? 1 : 0);
