// `npm run fuzz -- --seed N --count N --minutes M`: bundles the fuzzer (test/fuzz/) and runs it
// in this process's Node, one core. See test/fuzz/fuzzer.ts for what it checks.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './esbuild-settings.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'isdeck-fuzz-'));
try {
  const bundle = join(work, 'fuzz.cjs');
  await build({ ...nodeBundle, entryPoints: [join(root, 'test/fuzz/main.ts')], outfile: bundle, external: ['playwright-core', 'pptxgenjs'] });
  const result = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
