// Builds the command line and the VS Code extension into dist/ and writes the configuration JSON schema.
// esbuild bundles our TypeScript; packages that load their own files at run time stay external.
import { build } from 'esbuild';
import { nodeBundle } from './esbuild-settings.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const external = ['playwright-core', 'pptxgenjs'];


await build({
  ...nodeBundle,
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'dist/cli.js'),
  sourcemap: true,
  external,
  banner: { js: `#!/usr/bin/env node\n${nodeBundle.banner.js}` },
});

const schema = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'schema'], { encoding: 'utf8' });
mkdirSync(join(root, 'schemas'), { recursive: true });
writeFileSync(join(root, 'schemas/isdeckrc.schema.json'), schema);

// The snippets file, generated from the slide types' declarations.
execFileSync(process.execPath, [join(root, 'scripts/snippets.mjs')], { stdio: 'inherit' });

// The extension's bundles (scripts/build-extension.mjs) go into the same dist/.
execFileSync(process.execPath, [join(root, 'scripts/build-extension.mjs')], { stdio: 'inherit' });
