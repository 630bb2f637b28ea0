// Writes snippets/isdeck.code-snippets from the slide types' declarations (src/core/slide-types):
// the snippets are generated, never edited by hand. Run by the build; test/render/code-snippets.test.ts
// fails when the committed file differs from what this writes.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'isdeck-snippets-'));
try {
  // The generator is TypeScript: bundled whole (no externals) so that it runs from a temporary file.
  const bundle = join(work, 'code-snippets.cjs');
  await build({ entryPoints: [join(root, 'src/core/snippets/code-snippets.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
  const { codeSnippetsFile } = createRequire(import.meta.url)(bundle);
  mkdirSync(join(root, 'snippets'), { recursive: true });
  writeFileSync(join(root, 'snippets/isdeck.code-snippets'), codeSnippetsFile());
} finally {
  rmSync(work, { recursive: true, force: true });
}
