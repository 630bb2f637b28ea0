// `npm start`: the quick start's main job on a fresh clone. Installs what is missing (the npm
// packages; Debian's Chromium for PDF when run as root on Debian), builds, lints the bundled
// decks and exports the example deck to PDF and PowerPoint in out/. Uses only Node's standard
// library, because it runs before the dependencies are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const EXAMPLE = 'decks/masterclass-2010-03-24.md';
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'];

function run(command, args) {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

/** Debian's Chromium, when none is found and this is a root shell on Debian (as on CI machines). */
function installBrowserIfMissing() {
  if (process.env.ISDECK_BROWSER || BROWSERS.some((path) => existsSync(path))) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    console.log('\nNo Chrome, Chromium or Edge found: PDF export will say how to install one; PPTX export does not need one.');
    return;
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-crosextra-carlito']);
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) run(npm, ['ci', '--no-audit', '--no-fund']);
installBrowserIfMissing();
run(npm, ['run', '--silent', 'build']);
run(process.execPath, ['dist/cli.js', 'lint', 'decks']);
run(process.execPath, ['dist/cli.js', 'export', EXAMPLE, '--pdf', '--pptx', '--notes', '--out', 'out']);
