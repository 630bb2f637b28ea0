// In-process figures (the editor's case): bundled by scripts/bench.mjs and run once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolveConfig } from '../../src/core/config/schema';
import { IncrementalDeckParser } from '../../src/core/deck/incremental';
import { lintDeck, lintText } from '../../src/core/lint/lint';
import { nodeEnvironment } from '../../src/core/lint/node-environment';
import { renderDeck } from '../../src/core/render';
import { allRules } from '../../src/core/rules';
import { generateDeck } from './corpus.mjs';

const root = process.argv[2] ?? process.cwd();

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(runs: number, work: () => void): number {
  for (let i = 0; i < 5; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const options = { config: resolveConfig(allRules, []), environment: nodeEnvironment(root) };
// The editor's case: the author types, the deck is re-linted. Each run edits one line (a
// different one each time) of a 300-slide deck and lints it with the editor's parser.
const bigLines = (generateDeck(300, 1)).split('\n');
const parser = new IncrementalDeckParser();
let keystroke = 0;
const relint = time(50, () => {
  const lines = [...bigLines];
  const at = 20 + ((keystroke++ * 97) % (lines.length - 40));
  lines[at] = `${lines[at]} typed`;
  lintDeck(parser.parse(lines.join('\n'), join(root, 'big.md')), options);
});
const fullLint = time(20, () => lintText(bigLines.join('\n'), join(root, 'big.md'), options));
const seed = readFileSync(join(root, 'decks/masterclass-2010-03-24.md'), 'utf8');
const seedLint = time(50, () => lintText(seed, join(root, 'decks/masterclass-2010-03-24.md'), options));

const seedRender = time(30, () => renderDeck(seed));

/**
 * The editor's case as it runs: each re-lint a round trip to the lint worker (dist/lint-worker.js,
 * built by `npm run build`), text in and problems out by message.
 */
async function workerRelint(): Promise<number> {
  const worker = new Worker(join(root, 'dist', 'lint-worker.js'));
  let id = 0;
  const lint = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const own = ++id;
      const onMessage = (reply: { id: number; error?: string }) => {
        if (reply.id !== own) return;
        worker.off('message', onMessage);
        if (reply.error) reject(new Error(reply.error));
        else resolve();
      };
      worker.on('message', onMessage);
      worker.postMessage({ id: own, job: { text, file: join(root, 'big.md'), layers: [], workspaceRoot: root, key: 'big' } });
    });
  const samples: number[] = [];
  for (let run = 0; run < 55; run++) {
    const lines = [...bigLines];
    const at = 20 + ((run * 97) % (lines.length - 40));
    lines[at] = `${lines[at]} typed`;
    const start = performance.now();
    await lint(lines.join('\n'));
    if (run >= 5) samples.push(performance.now() - start);
  }
  await worker.terminate();
  return median(samples);
}

void workerRelint().then((relint300Worker) => {
  console.log(JSON.stringify({ relint300: relint, relint300Worker, fullLint300: fullLint, seedLint, seedRender }));
});
