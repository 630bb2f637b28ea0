/**
 * The output policy through the shipped command line (dist/cli.js): each case of the
 * hardening issue's "Destroys files", and the stdin budget. Runs as root here, so read-only
 * is the mode bits and owners are real other users' ids.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DECK_BYTES } from '../../src/core/io/read-text';
import { CLI_PATH, runCli } from '../helpers/cli';
import { makeWorkspace, SPELLING_AND_FRONT_MATTER, SPELLING_DECK, type Workspace } from './workspace';

const FIXED = SPELLING_DECK.replace('color', 'colour');
const isRoot = process.geteuid?.() === 0;

let workspace: Workspace | undefined;

afterEach(() => {
  workspace?.remove();
  workspace = undefined;
});

function deckWorkspace(): Workspace {
  workspace = makeWorkspace({ 'talk.md': SPELLING_DECK }, SPELLING_AND_FRONT_MATTER);
  return workspace;
}

/** stderr as lines, without the trailing empty one. */
const lines = (stderr: string) => stderr.split('\n').filter((line) => line !== '');

describe('lint --output', () => {
  it('refuses the deck itself: one line, exit 2, the deck untouched', async () => {
    const { root, path } = deckWorkspace();
    const result = await runCli(['lint', '-f', 'json', '-o', 'talk.md', 'talk.md'], { cwd: root });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual(['isdeck: talk.md: the report could not be written: it is an input of this run']);
    expect(readFileSync(path('talk.md'), 'utf8')).toBe(SPELLING_DECK);
  });

  it('refuses the configuration file it read and a hard link to the deck', async () => {
    const { root, path } = deckWorkspace();
    linkSync(path('talk.md'), path('report.json'));
    const config = readFileSync(path('.isdeckrc.json'), 'utf8');
    for (const output of ['.isdeckrc.json', 'report.json']) {
      const result = await runCli(['lint', '-f', 'json', '-o', output, 'talk.md'], { cwd: root });
      expect(result.code).toBe(2);
      expect(lines(result.stderr)).toEqual([`isdeck: ${output}: the report could not be written: it is an input of this run`]);
    }
    expect(readFileSync(path('.isdeckrc.json'), 'utf8')).toBe(config);
    expect(readFileSync(path('talk.md'), 'utf8')).toBe(SPELLING_DECK);
  });

  it('refuses a symbolic link, a named pipe and a device, leaving each as it was', async () => {
    const { root, path } = deckWorkspace();
    writeFileSync(path('precious.txt'), 'precious');
    symlinkSync('precious.txt', path('link.json'));
    spawnSync('mkfifo', [path('pipe.json')]);
    const cases: [string, string][] = [
      ['link.json', 'it is a symbolic link, and isdeck writes no file through a link (remove the link or choose another name)'],
      ['pipe.json', 'it is a named pipe, not a regular file'],
      ['/dev/full', 'it is a character device, not a regular file'],
    ];
    for (const [output, why] of cases) {
      const result = await runCli(['lint', '-f', 'json', '-o', output, 'talk.md'], { cwd: root });
      expect(result.code).toBe(2);
      expect(lines(result.stderr)).toEqual([`isdeck: ${output}: the report could not be written: ${why}`]);
    }
    expect(readlinkSync(path('link.json'))).toBe('precious.txt');
    expect(readFileSync(path('precious.txt'), 'utf8')).toBe('precious');
    expect(statSync(path('pipe.json')).isFIFO()).toBe(true);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('fails at once for a folder that cannot be made (/proc/x/report.json spun at full CPU)', async () => {
    const { root } = deckWorkspace();
    const result = await runCli(['lint', '-f', 'json', '-o', '/proc/isdeck-x/report.json', 'talk.md'], { cwd: root, timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      'isdeck: /proc/isdeck-x/report.json: the report could not be written: the folder /proc/isdeck-x cannot be made (no such file or folder)',
    ]);
  });

  it('refuses a read-only report file, as root too', async () => {
    const { root, path } = deckWorkspace();
    writeFileSync(path('report.json'), 'kept');
    chmodSync(path('report.json'), 0o444);
    const result = await runCli(['lint', '-f', 'json', '-o', 'report.json', 'talk.md'], { cwd: root });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual(['isdeck: report.json: the report could not be written: it is read-only (make it writable to let isdeck replace it)']);
    expect(readFileSync(path('report.json'), 'utf8')).toBe('kept');
  });
});

describe('lint --fix', () => {
  it('writes a symbolic link’s target; the link stays a link', async () => {
    workspace = makeWorkspace({ 'real/talk.md': SPELLING_DECK }, SPELLING_AND_FRONT_MATTER);
    symlinkSync(join('real', 'talk.md'), workspace.path('talk.md'));
    const result = await runCli(['lint', '--fix', 'talk.md'], { cwd: workspace.root });
    expect(result.stderr).toBe('isdeck: fixed 1 file\n');
    expect(lstatSync(workspace.path('talk.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(workspace.path('real/talk.md'), 'utf8')).toBe(FIXED);
    expect(readdirSync(workspace.path('real'))).toEqual(['talk.md']);
  });

  it('keeps mode and owner of the deck it fixes', async () => {
    const { root, path } = deckWorkspace();
    chmodSync(path('talk.md'), 0o640);
    if (isRoot) chownSync(path('talk.md'), 1234, 2345);
    const result = await runCli(['lint', '--fix', 'talk.md'], { cwd: root });
    expect(result.code).toBe(0);
    const stats = statSync(path('talk.md'));
    expect(readFileSync(path('talk.md'), 'utf8')).toBe(FIXED);
    expect(stats.mode & 0o7777).toBe(0o640);
    if (isRoot) expect([stats.uid, stats.gid]).toEqual([1234, 2345]);
  });

  it('refuses a read-only deck (no write bit, as root too): text, mode and owner unchanged, exit 2', async () => {
    const { root, path } = deckWorkspace();
    chmodSync(path('talk.md'), 0o444);
    if (isRoot) chownSync(path('talk.md'), 1234, 1234);
    const result = await runCli(['lint', '--fix', '-f', 'json', 'talk.md'], { cwd: root });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual(['isdeck: talk.md: the fixes could not be written: it is read-only (make it writable to let isdeck replace it)']);
    // The problems are still reported, as found in the file as it is.
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ rule: 'uk-spelling', line: 6 })]);
    const stats = statSync(path('talk.md'));
    expect(readFileSync(path('talk.md'), 'utf8')).toBe(SPELLING_DECK);
    expect(stats.mode & 0o7777).toBe(0o444);
    if (isRoot) expect([stats.uid, stats.gid]).toEqual([1234, 1234]);
  });

  it('refuses a deck with other hard links, so the names do not drift apart', async () => {
    const { root, path } = deckWorkspace();
    linkSync(path('talk.md'), path('same-talk.md'));
    const result = await runCli(['lint', '--fix', 'talk.md'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('isdeck: talk.md: the fixes could not be written: it has 2 hard links, and replacing it would separate them');
    expect(readFileSync(path('same-talk.md'), 'utf8')).toBe(SPELLING_DECK);
    expect(statSync(path('talk.md')).ino).toBe(statSync(path('same-talk.md')).ino);
  });
});

describe('temporary files of killed runs', () => {
  it('the next export into the folder removes those of dead processes and keeps a live one’s', async () => {
    const { root, path } = deckWorkspace();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const sleeper = spawn('sleep', ['60']);
    try {
      const stale = `.talk.pptx.${dead}.0badc0de.tmp`;
      const live = `.talk.pptx.${sleeper.pid}.12345678.tmp`;
      writeFileSync(path(stale), 'half a package');
      writeFileSync(path(live), 'being written');
      const result = await runCli(['export', '--pptx', 'talk.md'], { cwd: root, timeoutMs: 60_000 });
      expect(result.code).toBe(0);
      expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([live]);
      expect(readFileSync(path('talk.pptx')).subarray(0, 2).toString()).toBe('PK');
    } finally {
      sleeper.kill();
    }
  });
});

describe('export outputs', () => {
  it('refuses a symbolic link where an output goes: exit 2, nothing written, the link kept', async () => {
    const { root, path } = deckWorkspace();
    mkdirSync(path('elsewhere'));
    writeFileSync(path('elsewhere/keep.pptx'), 'keep');
    symlinkSync(join('elsewhere', 'keep.pptx'), path('talk.pptx'));
    const result = await runCli(['export', '--pptx', '--html', 'talk.md'], { cwd: root, timeoutMs: 60_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'isdeck: talk.pptx: refusing to write the PPTX: it is a symbolic link, and isdeck writes no file through a link (remove the link or choose another name)\n',
    );
    expect(readFileSync(path('elsewhere/keep.pptx'), 'utf8')).toBe('keep');
    expect(lstatSync(path('talk.pptx')).isSymbolicLink()).toBe(true);
    expect(readdirSync(root).filter((name) => name.endsWith('.html'))).toEqual([]);
  });
});

describe('lint - (standard input)', () => {
  it('stops an endless stream at the deck limit: one line, exit 2, the rest never read', async () => {
    const { root } = deckWorkspace();
    const child = spawn(process.execPath, [CLI_PATH, 'lint', '-'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let accepted = 0;
    let open = true;
    child.stdin.on('error', () => (open = false));
    const chunk = Buffer.alloc(64 * 1024, 'The color is red.\n');
    const feed = async () => {
      // Write until the reader goes away (or, if it never does, far past the limit).
      while (open && accepted < 64 * MAX_DECK_BYTES) {
        const flushed = child.stdin.write(chunk);
        accepted += chunk.length;
        if (!flushed) await new Promise((done) => child.stdin.once('drain', done).once('close', done));
      }
    };
    const [code] = await Promise.all([new Promise<number | null>((done) => child.on('close', done)), feed()]);
    expect(code).toBe(2);
    expect(stderr).toBe('isdeck: <stdin>: more than 1.0 MB on standard input; decks over 1.0 MB are not linted\n');
    // What it took: the limit, a chunk, and what the pipe holds; not the 64 MB on offer.
    expect(accepted).toBeLessThan(MAX_DECK_BYTES + 4 * 1024 * 1024);
  });
});
