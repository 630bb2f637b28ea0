// `npm start`: the quick start's main job on a fresh clone. Installs what is missing, builds,
// lints the bundled decks and exports the example deck. Uses only Node's standard library,
// because it runs before the dependencies are installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) run(npm, ['ci', '--no-audit', '--no-fund']);
run(npm, ['run', '--silent', 'build']);
run(process.execPath, ['dist/cli.js', 'lint', 'decks']);
