// Builds the VS Code extension into dist/, CommonJS for Node with `vscode` external:
//   dist/extension.js   the shell (src/extension/extension.ts): small, so activation is fast;
//   dist/core.js        the core as the extension uses it (src/extension/core-api.ts), loaded on first use;
//   dist/lint-worker.js the lint worker thread (loads dist/core.js). playwright-core (PDF export) loads its own files at run time, so it is not
// bundled: a trimmed copy is shipped as dist/node_modules/playwright-core, where Node's resolution
// from dist/extension.js finds it.
//   node scripts/build-extension.mjs [--watch] [--minify]
import { context, build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './esbuild-settings.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const require = createRequire(import.meta.url);

const options = {
  entryPoints: {
    extension: join(root, 'src/extension/extension.ts'),
    'lint-worker': join(root, 'src/extension/lint-worker.ts'),
    core: join(root, 'src/extension/core-api.ts'),
  },
  ...nodeBundle,
  outdir: join(root, 'dist'),
  sourcemap: 'linked',
  minify: !args.has('--no-minify'),
  keepNames: true,
  external: ['vscode', 'playwright-core'],
  // pptxgenjs reaches for browser-only modules behind run-time checks; leave them unresolved.
  logLevel: 'warning',
  metafile: true,
  legalComments: 'linked',
};

/** playwright-core without what PDF export never loads (trace viewer, CLI tools, types). */
function shipPlaywright() {
  const source = dirname(require.resolve('playwright-core/package.json'));
  const target = join(root, 'dist', 'node_modules', 'playwright-core');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const skip = [
    join('lib', 'vite'),
    join('lib', 'tools'),
    'bin',
    'types',
    'ThirdPartyNotices.txt',
  ].map((path) => join(source, path));
  cpSync(source, target, {
    recursive: true,
    filter: (path) => !skip.some((skipped) => path === skipped || path.startsWith(skipped + sep)) && !path.endsWith('.d.ts'),
  });
  return target;
}

function folderSize(folder) {
  let total = 0;
  const walk = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of require('node:fs').readdirSync(path)) walk(join(path, entry));
    } else total += stat.size;
  };
  if (existsSync(folder)) walk(folder);
  return total;
}

if (args.has('--watch')) {
  const watcher = await context(options);
  await watcher.watch();
  console.log('watching src/extension and src/core …');
} else {
  const result = await build(options);
  const shipped = shipPlaywright();
  const outputs = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, info]) => `${relative(root, join(root, file))} ${(info.bytes / 1024).toFixed(0)} KB`);
  console.log(`extension: ${outputs.join(', ')}; ${relative(root, shipped)} ${(folderSize(shipped) / 1024 / 1024).toFixed(1)} MB`);
}
