/**
 * A test that needs a program (Chromium, LibreOffice, pdftoppm) and does not find it: outside
 * CI it is skipped with a note naming the program and how to get it; under CI=true it fails
 * with that note, and the closing line counts it as failed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli';
import { needTools, type Tool } from '../helpers/tools';

const here: Tool = { name: 'here (a program)', present: true, install: 'apt-get install here' };
const gone: Tool = { name: 'gone (a program)', present: false, install: 'apt-get install gone' };

describe('needTools', () => {
  it('runs the tests when every program is there', () => {
    const warned: string[] = [];
    const gate = needTools([here], {}, (note) => warned.push(note));
    expect(gate.skip).toBe(false);
    expect(gate.note).toBe('');
    expect(() => gate.assertPresent()).not.toThrow();
    expect(warned).toEqual([]);
  });

  it('outside CI: skips, printing which program is missing and how to get it', () => {
    for (const env of [{}, { CI: '' }, { CI: 'false' }, { CI: '0' }]) {
      const warned: string[] = [];
      const gate = needTools([here, gone], env, (note) => warned.push(note));
      expect(gate.skip).toBe(true);
      expect(warned).toEqual(['Skipped, a program is missing:\ngone (a program) is not installed: apt-get install gone']);
    }
  });

  it('under CI: does not skip, and the check fails naming the program', () => {
    for (const env of [{ CI: 'true' }, { CI: '1' }]) {
      const warned: string[] = [];
      const gate = needTools([gone, here], env, (note) => warned.push(note));
      expect(gate.skip).toBe(false);
      expect(() => gate.assertPresent()).toThrow('gone (a program) is not installed: apt-get install gone');
      expect(warned).toEqual([]);
    }
  });
});

describe('a vitest run with a program missing', () => {
  /** Runs test/fixtures/tools (one group that needs a program no machine has) in a vitest of its own. */
  function runFixture(ci: string) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    return spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/fixtures/tools/vitest.config.mts'], {
      cwd: PROJECT_ROOT,
      env: { ...env, CI: ci, NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  it('under CI=true fails, names the program, and counts the test as failed', () => {
    const result = runFixture('true');
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('isdeck-no-such-program (a program no machine has) is not installed: apt-get install isdeck-no-such-program');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  });

  it('outside CI passes with the test skipped and a note saying why', () => {
    const result = runFixture('');
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toContain('Skipped, a program is missing:\nisdeck-no-such-program (a program no machine has) is not installed');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 0 failed, 1 skipped');
  });
});
