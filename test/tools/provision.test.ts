/**
 * scripts/provision.mjs, which `npm start` and `npm test` run first: what it installs, when,
 * and what it says when it cannot. This machine has every package already, so a fresh one is
 * played by a fake `dpkg` on PATH (the script run as a child process) or by injected machine
 * facts (the plan and its execution).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, installedPackages, planProvisioning, provision, type Machine } from '../../scripts/provision.mjs';
import { PROJECT_ROOT } from '../helpers/cli';

const SCRIPT = join(PROJECT_ROOT, 'scripts', 'provision.mjs');
const TEST_PACKAGES = ['chromium', 'fonts-crosextra-carlito', 'libreoffice-impress', 'poppler-utils', 'libkrb5-dev', 'fonts-noto-color-emoji'];

/** What `dpkg -s` prints for installed packages. */
function dpkgStanzas(installed: readonly string[]): string {
  return installed.map((name) => `Package: ${name}\nStatus: install ok installed\nVersion: 1.0\n`).join('\n');
}

describe('reading dpkg -s', () => {
  it('takes the packages whose status ends in "installed"', () => {
    const status = [
      'Package: chromium\nStatus: install ok installed\nVersion: 150\n',
      'Package: poppler-utils\nStatus: deinstall ok config-files\nVersion: 22\n',
      'Package: libkrb5-dev:amd64\nStatus: install ok installed\n',
    ].join('\n');
    expect([...installedPackages(status)]).toEqual(['chromium', 'libkrb5-dev']);
    expect(installedPackages('').size).toBe(0);
  });
});

describe('the plan', () => {
  const machine = (installed: string[] | undefined, isRoot: boolean, hasApt = true): Machine => ({
    installed: installed && new Set(installed),
    isRoot,
    hasApt,
  });

  it('npm test needs Chromium, Carlito, LibreOffice Impress, poppler (pdftoppm), the Kerberos headers and an emoji font; npm start Chromium and Carlito', () => {
    expect(COMMANDS.test.packages).toEqual(TEST_PACKAGES);
    expect(COMMANDS.start.packages).toEqual(['chromium', 'fonts-crosextra-carlito']);
  });

  it('does nothing when everything is installed', () => {
    expect(planProvisioning({ command: 'test', ...machine(TEST_PACKAGES, true) })).toEqual({ action: 'nothing', missing: [] });
  });

  it('as root with apt-get: one update, then only the missing packages, without recommends', () => {
    expect(planProvisioning({ command: 'test', ...machine(['chromium', 'poppler-utils'], true) })).toEqual({
      action: 'install',
      missing: ['fonts-crosextra-carlito', 'libreoffice-impress', 'libkrb5-dev', 'fonts-noto-color-emoji'],
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'fonts-crosextra-carlito', 'libreoffice-impress', 'libkrb5-dev', 'fonts-noto-color-emoji'],
      ],
    });
  });

  it('not root, or no apt-get: one message naming the missing packages and the command that installs them', () => {
    for (const facts of [machine(['chromium'], false), machine(['chromium'], true, false)]) {
      const plan = planProvisioning({ command: 'test', ...facts });
      expect(plan.action).toBe('tell');
      expect(plan.missing).toEqual(TEST_PACKAGES.slice(1));
      const message = plan.action === 'tell' ? plan.message : '';
      expect(message).toContain('isdeck: `npm test` needs Debian packages that are not installed:');
      expect(message).toContain('  libreoffice-impress: LibreOffice (soffice), for the check that a written PPTX opens and converts');
      expect(message).toContain('  apt-get install -y --no-install-recommends fonts-crosextra-carlito libreoffice-impress poppler-utils libkrb5-dev fonts-noto-color-emoji');
      expect(message).toContain('under CI=true they fail');
      expect(message).not.toMatch(/^ {2}chromium:/m);
    }
  });

  it('without dpkg (not Debian): names the programs needed', () => {
    const plan = planProvisioning({ command: 'start', ...machine(undefined, true) });
    expect(plan.action).toBe('tell');
    expect(plan.action === 'tell' && plan.message).toContain('no dpkg here, so `npm start` cannot check its system packages. It needs:\n  Chromium (/usr/bin/chromium), for PDF export');
  });

  it('refuses a command it does not know', () => {
    expect(() => planProvisioning({ command: 'deploy', ...machine([], true) })).toThrow("unknown command 'deploy' (one of start, test, vscode-test)");
  });
});

describe('provisioning', () => {
  const missingTwo = () => ({ installed: new Set(['chromium', 'fonts-crosextra-carlito', 'poppler-utils', 'fonts-noto-color-emoji']), isRoot: true, hasApt: true });

  it('runs the plan’s commands in order, and logs what it installs', () => {
    const ran: string[][] = [];
    const logged: string[] = [];
    provision('test', { machine: missingTwo, run: (argv) => ran.push(argv), log: (line) => logged.push(line) });
    expect(ran).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'libreoffice-impress', 'libkrb5-dev'],
    ]);
    expect(logged).toEqual(['isdeck: installing libreoffice-impress libkrb5-dev (Debian packages `npm test` needs)']);
  });

  it('a dry run only reports', () => {
    const ran: string[][] = [];
    const logged: string[] = [];
    provision('test', { dryRun: true, machine: missingTwo, run: (argv) => ran.push(argv), log: (line) => logged.push(line) });
    expect(ran).toEqual([]);
    expect(logged).toEqual([
      'isdeck: installing libreoffice-impress libkrb5-dev (Debian packages `npm test` needs): dry run',
      'would run: apt-get update -qq',
      'would run: apt-get install -y -qq --no-install-recommends libreoffice-impress libkrb5-dev',
    ]);
  });

  it('with everything present it runs nothing and prints nothing', () => {
    const ran: string[][] = [];
    const logged: string[] = [];
    const all = () => ({ installed: new Set(TEST_PACKAGES), isRoot: true, hasApt: true });
    expect(provision('test', { machine: all, run: (argv) => ran.push(argv), log: (line) => logged.push(line) }).action).toBe('nothing');
    expect([ran, logged]).toEqual([[], []]);
  });
});

describe('the script, with a fake dpkg on PATH', () => {
  const bin = mkdtempSync(join(tmpdir(), 'isdeck-provision-'));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  /** PATH holds only a `dpkg` that knows `installed` (and no apt-get, so nothing can be installed). */
  function runWithDpkg(installed: readonly string[] | undefined, args: string[]) {
    const folder = mkdtempSync(join(bin, 'path-'));
    if (installed) {
      // Shell built-ins only: PATH has nothing else. Exit 1, as dpkg does when a package is unknown.
      writeFileSync(join(folder, 'dpkg'), `#!/bin/sh\necho "$@" > "${folder}/args"\nprintf '%s' '${dpkgStanzas(installed)}'\nexit 1\n`);
      chmodSync(join(folder, 'dpkg'), 0o755);
    }
    const result = spawnSync(process.execPath, [SCRIPT, ...args], { env: { PATH: folder }, encoding: 'utf8' });
    return { ...result, folder };
  }

  it('asks with `dpkg -s` about exactly the packages of the command, and names the missing ones', () => {
    const result = runWithDpkg(['chromium', 'fonts-crosextra-carlito', 'poppler-utils', 'fonts-noto-color-emoji'], ['test']);
    expect(result.status).toBe(0);
    expect(readFileSync(join(result.folder, 'args'), 'utf8').trim()).toBe(`-s ${TEST_PACKAGES.join(' ')}`);
    expect(result.stdout).toContain('isdeck: `npm test` needs Debian packages that are not installed:\n  libreoffice-impress: LibreOffice (soffice)');
    expect(result.stdout).toContain('apt-get install -y --no-install-recommends libreoffice-impress libkrb5-dev\n');
  });

  it('is silent when everything is installed, and says so in a dry run', () => {
    expect(runWithDpkg(TEST_PACKAGES, ['test'])).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(runWithDpkg(['chromium', 'fonts-crosextra-carlito'], ['start', '--dry-run'])).toMatchObject({
      status: 0,
      stdout: 'isdeck: every Debian package `npm start` needs is installed\n',
    });
  });

  it('without dpkg: names what is needed and does not fail the command', () => {
    const result = runWithDpkg(undefined, ['vscode-test']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no dpkg here, so `npm run test:vscode` cannot check its system packages');
    expect(result.stdout).toContain('Kerberos headers (gssapi/gssapi.h)');
  });

  it('an unknown command is one line and exit 1', () => {
    expect(runWithDpkg([], ['deploy'])).toMatchObject({ status: 1, stderr: "isdeck: provisioning failed: unknown command 'deploy' (one of start, test, vscode-test)\n" });
  });
});

describe('the commands that use it', () => {
  it('npm test provisions, typechecks, lints and runs vitest; npm start provisions; CI runs exactly npm ci and npm test', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.test).toBe('node scripts/provision.mjs test && npm run typecheck && npm run lint && ISDECK_ADVERSARIAL_BYTES=262144 vitest run');
    expect(readFileSync(join(PROJECT_ROOT, 'scripts', 'start.mjs'), 'utf8')).toContain("provision('start');");
    const ciCommands = readFileSync(join(PROJECT_ROOT, '.ci', 'run'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '));
    expect(ciCommands).toEqual(['npm ci', 'npm test']);
  });
});
