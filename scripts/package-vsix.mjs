// Packages the extension as a VSIX with @vscode/vsce: `npm run package`.
// Builds dist/extension.js first (scripts/build-extension.mjs) unless --no-build; the README shown
// in the extension's page is docs/extension.md. Prints the VSIX path and size; fails above 8 MB.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const MAX_BYTES = 8 * 1024 * 1024;

if (!args.has('--no-build')) {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-extension.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
for (const needed of ['dist/extension.js', 'dist/lint-worker.js', 'themes/improvement-service.css']) {
  if (!existsSync(join(root, needed))) {
    console.error(`package: ${needed} is missing`);
    process.exit(1);
  }
}
for (const optional of ['schemas/isdeckrc.schema.json']) {
  if (!existsSync(join(root, optional))) console.warn(`package: warning: ${optional} is missing (run npm run build)`);
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packagePath = join(root, `${manifest.name}-${manifest.version}.vsix`);
const { createVSIX } = await import('@vscode/vsce');
const started = Date.now();
await createVSIX({
  cwd: root,
  packagePath,
  dependencies: false,
  readmePath: 'docs/extension.md',
  // Relative links in docs/extension.md point into the repository's docs/ folder.
  baseContentUrl: 'https://github.com/improvement-service/isdeck/blob/HEAD/docs',
  baseImagesUrl: 'https://github.com/improvement-service/isdeck/raw/HEAD/docs',
  skipLicense: !existsSync(join(root, 'LICENSE')),
  allowStarActivation: false,
  allowMissingRepository: true,
});
const bytes = statSync(packagePath).size;
console.log(`package: ${relative(root, packagePath)} ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (bytes > MAX_BYTES) {
  console.error(`package: the VSIX is over the 8 MB budget`);
  process.exit(1);
}
