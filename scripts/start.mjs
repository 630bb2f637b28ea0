// `npm start`: the quick start's main job on a fresh clone. Installs what is missing (the npm
// packages; the Debian packages of provision.mjs, as root on Debian), builds, lints the bundled
// decks and exports the example deck to PDF and PowerPoint in out/. Uses only Node's standard
// library, because it runs before the dependencies are installed.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installNpmPackagesIfMissing, provision } from './provision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const EXAMPLE = 'decks/masterclass-2010-03-24.md';

function run(command, args) {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

installNpmPackagesIfMissing();
provision('start');
run(npm, ['run', '--silent', 'build']);
run(process.execPath, ['dist/cli.js', 'lint', 'decks']);
run(process.execPath, ['dist/cli.js', 'export', EXAMPLE, '--pdf', '--pptx', '--notes', '--out', 'out']);
