/**
 * The output policy and the atomic writer on a real file system: what may be written, what
 * a replaced file keeps, and what is refused. Everything here runs as root on the CI machine
 * too, so "read-only" is the mode bits, which root cannot write through either.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteFileAtomicSync, writeFileAtomic, writeFileAtomicSync } from '../../src/core/io/atomic-write';
import { checkNewOutput, checkRewrite, makeFolderSync, OutputRefusedError, sameFile } from '../../src/core/io/output-policy';
import { isProcessAlive, removeStaleTempFiles, tempFileOwner, tempPathFor } from '../../src/core/io/temp-files';

let work: string;
let count = 0;
const isRoot = process.geteuid?.() === 0;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'isdeck-output-policy-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function folder(): string {
  const path = join(work, `case-${++count}`);
  mkdirSync(path);
  return path;
}

/** The refusal a call throws: its reason and one-line explanation. */
function refusal(call: () => unknown): { reason: string; why: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof OutputRefusedError) return { reason: error.reason, why: error.why };
    throw error;
  }
  throw new Error('not refused');
}

/** A process id that was alive a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('new outputs (reports, exports)', () => {
  it('refuses an input of the run, by path, through a link, and as a hard link of it', () => {
    const dir = folder();
    const deck = join(dir, 'talk.md');
    writeFileSync(deck, 'deck');
    symlinkSync(deck, join(dir, 'link.json'));
    linkSync(deck, join(dir, 'hard.json'));
    expect(refusal(() => checkNewOutput(join(dir, '.', 'talk.md'), [deck]))).toEqual({ reason: 'input', why: 'it is an input of this run' });
    expect(refusal(() => checkNewOutput(join(dir, 'hard.json'), [deck])).reason).toBe('input');
    expect(refusal(() => checkNewOutput(join(dir, 'link.json'), [deck])).reason).toBe('input');
    expect(() => writeFileAtomicSync(deck, 'report', { protect: [deck] })).toThrow(OutputRefusedError);
    expect(readFileSync(deck, 'utf8')).toBe('deck');
  });

  it('refuses a symbolic link (even to a file that is no input), and leaves it a link', () => {
    const dir = folder();
    writeFileSync(join(dir, 'elsewhere.txt'), 'kept');
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'report.json'));
    expect(refusal(() => writeFileAtomicSync(join(dir, 'report.json'), '[]'))).toEqual({
      reason: 'symlink',
      why: 'it is a symbolic link, and isdeck writes no file through a link (remove the link or choose another name)',
    });
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe('kept');
  });

  it('refuses what is not a regular file: a folder, a character device, a named pipe, a socket', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'folder.json'));
    spawnSync('mkfifo', [join(dir, 'pipe.json')]);
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'socket.json'), done));
    try {
      expect(refusal(() => checkNewOutput(join(dir, 'folder.json'))).why).toBe('it is a folder, not a regular file');
      expect(refusal(() => checkNewOutput('/dev/full')).why).toBe('it is a character device, not a regular file');
      expect(refusal(() => checkNewOutput('/dev/null')).why).toBe('it is a character device, not a regular file');
      expect(refusal(() => checkNewOutput(join(dir, 'pipe.json'))).why).toBe('it is a named pipe, not a regular file');
      expect(refusal(() => checkNewOutput(join(dir, 'socket.json'))).why).toBe('it is a socket, not a regular file');
      expect(statSync(join(dir, 'pipe.json')).isFIFO()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('refuses a read-only file (no write bit), as root too', () => {
    const dir = folder();
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o444);
    expect(refusal(() => writeFileAtomicSync(target, 'new')).reason).toBe('read-only');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('a replaced file keeps its mode and its owner; a new file gets the usual mode', async () => {
    const dir = folder();
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    if (isRoot) chownSync(target, 1234, 4321);
    await writeFileAtomic(target, 'new');
    const stats = statSync(target);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(stats.mode & 0o7777).toBe(0o640);
    if (isRoot) expect([stats.uid, stats.gid]).toEqual([1234, 4321]);
    writeFileAtomicSync(join(dir, 'fresh.json'), 'x');
    expect(statSync(join(dir, 'fresh.json')).mode & 0o777).toBe(0o666 & ~process.umask());
    expect(readdirSync(dir).sort()).toEqual(['fresh.json', 'report.json']);
  });

  it('makes missing folders one level at a time, and fails at once where none can be made (/proc)', () => {
    const dir = folder();
    makeFolderSync(join(dir, 'a', 'b', 'c'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    const started = Date.now();
    expect(refusal(() => writeFileAtomicSync('/proc/isdeck-x/report.json', '[]', { createFolder: true }))).toEqual({
      reason: 'folder',
      why: 'the folder /proc/isdeck-x cannot be made (no such file or folder)',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    writeFileSync(join(dir, 'file'), '');
    expect(refusal(() => makeFolderSync(join(dir, 'file', 'sub'))).why).toBe(`${join(dir, 'file')} is a file, not a folder`);
  });

  it('sameFile: the same inode, or the same real path for files not there yet', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a'), '');
    linkSync(join(dir, 'a'), join(dir, 'b'));
    expect(sameFile(join(dir, 'a'), join(dir, 'b'))).toBe(true);
    expect(sameFile(join(dir, 'x', '..', 'new'), join(dir, 'new'))).toBe(true);
    expect(sameFile(join(dir, 'a'), join(dir, 'new'))).toBe(false);
  });
});

describe('rewriting a file in place (--fix)', () => {
  it('writes a symbolic link’s target; the link stays a link', () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'deck.md'), 'old');
    symlinkSync(join('real', 'deck.md'), join(dir, 'deck.md'));
    rewriteFileAtomicSync(join(dir, 'deck.md'), 'new', { expected: Buffer.from('old') });
    expect(lstatSync(join(dir, 'deck.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'deck.md'), 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'real'))).toEqual(['deck.md']);
    expect(checkRewrite(join(dir, 'deck.md')).path).toBe(join(dir, 'real', 'deck.md'));
  });

  it('keeps mode and owner', () => {
    const dir = folder();
    const deck = join(dir, 'deck.md');
    writeFileSync(deck, 'old');
    chmodSync(deck, 0o600);
    if (isRoot) chownSync(deck, 1234, 1234);
    rewriteFileAtomicSync(deck, 'new', { expected: Buffer.from('old') });
    const stats = statSync(deck);
    expect(stats.mode & 0o7777).toBe(0o600);
    if (isRoot) expect([stats.uid, stats.gid]).toEqual([1234, 1234]);
  });

  it('refuses a read-only file and a file with other hard links, writing nothing', () => {
    const dir = folder();
    writeFileSync(join(dir, 'ro.md'), 'old');
    chmodSync(join(dir, 'ro.md'), 0o444);
    expect(refusal(() => rewriteFileAtomicSync(join(dir, 'ro.md'), 'new', { expected: Buffer.from('old') })).reason).toBe('read-only');
    writeFileSync(join(dir, 'one.md'), 'old');
    linkSync(join(dir, 'one.md'), join(dir, 'two.md'));
    expect(refusal(() => rewriteFileAtomicSync(join(dir, 'one.md'), 'new', { expected: Buffer.from('old') }))).toEqual({
      reason: 'hard-links',
      why: 'it has 2 hard links, and replacing it would separate them (the other names would keep the old text): fix a copy, or remove the other links',
    });
    expect(readFileSync(join(dir, 'ro.md'), 'utf8')).toBe('old');
    expect(readFileSync(join(dir, 'two.md'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['one.md', 'ro.md', 'two.md']);
  });

  it('refuses to replace a file saved by another program since it was read, keeping that save', () => {
    const dir = folder();
    const deck = join(dir, 'deck.md');
    writeFileSync(deck, 'as read');
    const read = readFileSync(deck);
    writeFileSync(deck, 'saved by the editor meanwhile');
    expect(refusal(() => rewriteFileAtomicSync(deck, 'fixed', { expected: read }))).toEqual({
      reason: 'changed',
      why: 'it changed since isdeck read it (saved by another program?), so the fixes were not written: run again',
    });
    expect(readFileSync(deck, 'utf8')).toBe('saved by the editor meanwhile');
    expect(readdirSync(dir)).toEqual(['deck.md']);
  });
});

describe('temporary files of killed runs', () => {
  it('names them after the process, and reads the process back', () => {
    const name = tempPathFor('/x/deck.pptx').split('/').at(-1)!;
    expect(name).toMatch(new RegExp(`^\\.deck\\.pptx\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(tempFileOwner(name)).toBe(process.pid);
    expect(tempFileOwner('.deck.pptx.tmp')).toBeUndefined();
    expect(tempFileOwner('deck.12.abcdef01.tmp')).toBeUndefined();
  });

  it('removes those of dead processes, never a live process’s, nor files that only look alike', async () => {
    const dir = folder();
    const dead = deadPid();
    expect(isProcessAlive(dead)).toBe(false);
    const sleeper = spawn('sleep', ['30']);
    try {
      const live = sleeper.pid!;
      const stale = `.deck.pptx.${dead}.0badc0de.tmp`;
      const running = `.deck.pdf.${live}.12345678.tmp`;
      const own = `.deck.html.${process.pid}.abcdef01.tmp`;
      const other = '.deck.pptx.tmp';
      for (const name of [stale, running, own, other]) writeFileSync(join(dir, name), 'partial');
      mkdirSync(join(dir, `.folder.${dead}.00000000.tmp`));
      expect(removeStaleTempFiles(dir)).toEqual([join(dir, stale)]);
      expect(readdirSync(dir).sort()).toEqual([`.folder.${dead}.00000000.tmp`, other, own, running].sort());
    } finally {
      sleeper.kill();
    }
  });

  it('a write into a folder removes what a killed run left there', async () => {
    const dir = folder();
    const stale = `.deck.pptx.${deadPid()}.0badc0de.tmp`;
    writeFileSync(join(dir, stale), 'partial');
    await writeFileAtomic(join(dir, 'deck.pptx'), 'whole');
    expect(readdirSync(dir)).toEqual(['deck.pptx']);
  });
});
