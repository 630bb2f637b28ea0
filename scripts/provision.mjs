// Installs what a command needs before it runs: `npm start` (PDF export), `npm test` (the
// whole suite) and `npm run test:vscode` (the VS Code server build). Run as a script, it first
// installs the npm packages when node_modules is missing (`npm ci`), then the Debian packages.
//
//   node scripts/provision.mjs start|test|vscode-test [--dry-run]
//
// Run as root where apt-get exists, it installs what `dpkg -s` says is missing (one
// `apt-get update`, `--no-install-recommends`); otherwise it prints one message naming the
// packages and the command that installs them, and leaves the decision to the user. It never
// fails the command it serves: a test that needs a missing tool says so itself (and fails
// under CI=true). `--dry-run` reports what it would do and changes nothing. With everything
// present it costs one `dpkg -s` call. Node's standard library only: it runs before
// `npm ci` has installed anything.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every Debian package isdeck's commands may need, with the tool it brings and why. */
export const PACKAGES = {
  chromium: { tool: 'Chromium (/usr/bin/chromium)', why: 'PDF export, the theme and rendered-rule checks, the VS Code workbench' },
  'fonts-crosextra-carlito': { tool: 'the Carlito font', why: "LibreOffice's stand-in for Calibri, so a PPTX lays out as in PowerPoint" },
  'libreoffice-impress': { tool: 'LibreOffice (soffice)', why: 'the check that a written PPTX opens and converts, a page a slide' },
  'poppler-utils': { tool: 'pdftoppm', why: 'pictures of the pages LibreOffice converted' },
  'libkrb5-dev': { tool: 'Kerberos headers (gssapi/gssapi.h)', why: 'building the VS Code server (code-server) the extension tests run in' },
  'fonts-noto-color-emoji': { tool: 'the Noto Color Emoji font', why: "drawing a deck's emoji in PDF export (the conservation test checks them)" },
};

/** Each command: how it is typed, the packages it needs, and what happens without them. */
export const COMMANDS = {
  start: {
    typed: 'npm start',
    packages: ['chromium', 'fonts-crosextra-carlito'],
    without: 'PDF export will say how to get a browser; PPTX and HTML export need none.',
  },
  test: {
    typed: 'npm test',
    packages: ['chromium', 'fonts-crosextra-carlito', 'libreoffice-impress', 'poppler-utils', 'libkrb5-dev', 'fonts-noto-color-emoji'],
    without: 'Until then the tests that need them are skipped with a note (under CI=true they fail).',
  },
  'vscode-test': {
    typed: 'npm run test:vscode',
    packages: ['chromium', 'libkrb5-dev'],
    without: 'Until then the VS Code tests cannot run.',
  },
};

/** The packages `dpkg -s` reports as installed: stanzas of `Package:` and `Status: … installed`. */
export function installedPackages(dpkgStatus) {
  const installed = new Set();
  for (const stanza of dpkgStatus.split(/\n\s*\n/)) {
    const name = /^Package:\s*(\S+)/m.exec(stanza)?.[1];
    const status = /^Status:\s*(.*)$/m.exec(stanza)?.[1]?.trim().split(/\s+/);
    if (name && status?.at(-1) === 'installed') installed.add(name.replace(/:.*$/, ''));
  }
  return installed;
}

/**
 * What to do for `command`, given what is installed (undefined: no dpkg, so not Debian):
 * nothing; install (as root with apt-get); or tell the user what is missing.
 */
export function planProvisioning({ command, installed, isRoot, hasApt }) {
  const needed = COMMANDS[command]?.packages;
  if (!needed) throw new Error(`unknown command '${command}' (one of ${Object.keys(COMMANDS).join(', ')})`);
  if (installed === undefined) return { action: 'tell', missing: needed, message: notDebianMessage(command, needed) };
  const missing = needed.filter((name) => !installed.has(name));
  if (missing.length === 0) return { action: 'nothing', missing };
  if (isRoot && hasApt) {
    return {
      action: 'install',
      missing,
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing],
      ],
    };
  }
  return { action: 'tell', missing, message: installMessage(command, missing) };
}

function describe(names) {
  return names.map((name) => `  ${name}: ${PACKAGES[name].tool}, for ${PACKAGES[name].why}`).join('\n');
}

function installMessage(command, missing) {
  return [
    `isdeck: \`${COMMANDS[command].typed}\` needs Debian packages that are not installed:`,
    describe(missing),
    `Install them as root (run as root, \`${COMMANDS[command].typed}\` installs them itself):`,
    `  apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    COMMANDS[command].without,
  ].join('\n');
}

function notDebianMessage(command, needed) {
  return [
    `isdeck: no dpkg here, so \`${COMMANDS[command].typed}\` cannot check its system packages. It needs:`,
    ...needed.map((name) => `  ${PACKAGES[name].tool}, for ${PACKAGES[name].why}`),
    `On Debian or Ubuntu: apt-get install -y --no-install-recommends ${needed.join(' ')}`,
    COMMANDS[command].without,
  ].join('\n');
}

/** Whether `command` is an executable file in a folder of PATH. */
export function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** `dpkg -s` over the packages: what is installed, or undefined where there is no dpkg. */
function queryDpkg(names) {
  if (!onPath('dpkg')) return undefined;
  // Exits 1 when any package is unknown; the stanzas of the known ones are still printed.
  const result = spawnSync('dpkg', ['-s', ...names], { encoding: 'utf8' });
  if (result.error) return undefined;
  return installedPackages(result.stdout);
}

/** The facts of this machine the plan depends on. */
function thisMachine(packages) {
  return { installed: queryDpkg(packages), isRoot: process.getuid?.() === 0, hasApt: onPath('apt-get') };
}

/**
 * Provisions `command`. Injected for tests: `machine(packages)` (the facts), `run(argv)` (runs
 * a command), `log` (prints). Returns the plan it followed.
 */
export function provision(command, { dryRun = false, log = (line) => console.log(line), run = runInherited, machine = thisMachine } = {}) {
  const plan = planProvisioning({ command, ...machine(COMMANDS[command]?.packages ?? []) });
  if (plan.action === 'tell') log(plan.message);
  if (plan.action === 'nothing' && dryRun) log(`isdeck: every Debian package \`${COMMANDS[command].typed}\` needs is installed`);
  if (plan.action === 'install') {
    log(`isdeck: installing ${plan.missing.join(' ')} (Debian packages \`${COMMANDS[command].typed}\` needs)${dryRun ? ': dry run' : ''}`);
    for (const argv of plan.commands) {
      if (dryRun) log(`would run: ${argv.join(' ')}`);
      else run(argv);
    }
  }
  return plan;
}

/** `npm ci` on a fresh clone (no node_modules yet), so either quick-start command can come first. */
export function installNpmPackagesIfMissing({ log = (line) => console.log(line), run = runInherited } = {}) {
  if (existsSync(join(root, 'node_modules', '.package-lock.json'))) return;
  log('isdeck: installing the npm packages (npm ci)');
  run([process.platform === 'win32' ? 'npm.cmd' : 'npm', 'ci', '--no-audit', '--no-fund']);
}

function runInherited([command, ...args]) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const command = args.find((arg) => !arg.startsWith('--')) ?? 'test';
  try {
    const dryRun = args.includes('--dry-run');
    if (!dryRun) installNpmPackagesIfMissing();
    provision(command, { dryRun });
  } catch (error) {
    console.error(`isdeck: provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
