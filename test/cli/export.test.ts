/**
 * `isdeck export` as a child process: the shipped bundle (dist/cli.js, built once by
 * test/global-setup.ts), real decks, a real browser, real files.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, PROJECT_ROOT } from '../helpers/cli';
import { readPdf } from '../helpers/pdf';
import { inkShare, readPng } from '../helpers/png';
import { BROWSER_PATH } from '../helpers/tools';

const SEED = join(PROJECT_ROOT, 'decks', 'masterclass-2010-03-24.md');
const TEMPLATE = join(PROJECT_ROOT, 'decks', 'template.md');

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'isdeck-export-cli-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runExport(args: string[], options: { cwd: string; env?: Record<string, string>; killWhen?: (stderr: string) => boolean }): Promise<Result> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI_PATH, 'export', ...args], {
      cwd: options.cwd,
      // ISDECK_BROWSER cleared: each test says which browser it means.
      env: { ...process.env, NO_COLOR: '1', ISDECK_DEBUG: '', ISDECK_BROWSER: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!killed && options.killWhen?.(stderr)) killed = child.kill('SIGTERM');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`isdeck export ${args.join(' ')} did not finish`));
    }, 170_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function pages(pdf: string): Promise<number> {
  return (await readPdf(pdf)).pages;
}

/** A project folder with the two bundled decks under decks/. */
function project(name: string): string {
  const folder = join(work, name);
  mkdirSync(join(folder, 'decks'), { recursive: true });
  copyFileSync(SEED, join(folder, 'decks', 'masterclass-2010-03-24.md'));
  copyFileSync(TEMPLATE, join(folder, 'decks', 'template.md'));
  writeFileSync(join(folder, 'decks', 'README.md'), '# Not a deck\n');
  return folder;
}

const TIMEOUT = 180_000;

describe('isdeck export', () => {
  it('exports a folder of decks to PDF, handout and PPTX with one browser, and sums up', { timeout: TIMEOUT }, async () => {
    const folder = project('all');
    const hashes = ['masterclass-2010-03-24.md', 'template.md'].map((file) => sha(join(folder, 'decks', file)));
    const result = await runExport(['decks', '--out', 'out', '--notes'], { cwd: folder });
    expect(result.stderr).not.toMatch(/not written|refus/);
    expect(result.code).toBe(0);
    expect(readdirSync(join(folder, 'out')).sort()).toEqual([
      'masterclass-2010-03-24.notes.pdf',
      'masterclass-2010-03-24.pdf',
      'masterclass-2010-03-24.pptx',
      'template.notes.pdf',
      'template.pdf',
      'template.pptx',
    ]);
    expect(await pages(join(folder, 'out', 'masterclass-2010-03-24.pdf'))).toBe(45);
    expect(await pages(join(folder, 'out', 'masterclass-2010-03-24.notes.pdf'))).toBe(45);
    expect(await pages(join(folder, 'out', 'template.pdf'))).toBe(9);
    // The summary: every file with its size; plain progress lines when not on a terminal.
    expect(result.stdout).toMatch(/Wrote 6 files/);
    expect(result.stdout).toMatch(/out\/masterclass-2010-03-24\.pdf\s+\d+ KB\s+45 pages/);
    expect(result.stdout).toMatch(/out\/template\.pptx\s+\d+ KB\s+9 slides/);
    expect(result.stderr).toMatch(/^\[4\/4\] /m);
    expect(result.stderr).not.toContain('\r');
    expect(['masterclass-2010-03-24.md', 'template.md'].map((file) => sha(join(folder, 'decks', file)))).toEqual(hashes);
  });

  it('without a browser: one clear message, exit 2, and the PPTX and HTML still written', { timeout: TIMEOUT }, async () => {
    const folder = project('nobrowser');
    const result = await runExport(['decks/template.md', '--pdf', '--pptx', '--html', '--browser-path', '/nonexistent'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No browser at the given browser path /nonexistent');
    for (const hint of ['apt-get install chromium', '--browser-path', 'ISDECK_BROWSER', 'isdeck.browserPath']) expect(result.stderr).toContain(hint);
    expect(result.stderr.match(/PDF export needs/g)).toHaveLength(1);
    expect(existsSync(join(folder, 'decks', 'template.pptx'))).toBe(true);
    expect(existsSync(join(folder, 'decks', 'template.html'))).toBe(true);
    expect(existsSync(join(folder, 'decks', 'template.pdf'))).toBe(false);
    expect(result.stdout).toMatch(/Wrote 2 files/);

    const env = await runExport(['decks/template.md', '--pdf'], { cwd: folder, env: { ISDECK_BROWSER: '/nonexistent/chrome' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('ISDECK_BROWSER= /nonexistent/chrome');
  });

  it('--png draws slides at their size (--slide picks them), --present writes the presentation', { timeout: TIMEOUT }, async () => {
    const folder = project('pictures');
    const one = await runExport(['decks/template.md', '--png', '--slide', '2', '--present', '--out', 'out'], { cwd: folder, env: { ISDECK_BROWSER: BROWSER_PATH } });
    expect(one.stderr).not.toMatch(/not written|refus/);
    expect(one.code).toBe(0);
    expect(readdirSync(join(folder, 'out')).sort()).toEqual(['template.present.html', 'template.slide-02.png']);
    const picture = readPng(readFileSync(join(folder, 'out', 'template.slide-02.png')));
    expect([picture.width, picture.height]).toEqual([1280, 720]);
    expect(inkShare(picture)).toBeGreaterThan(0.05);
    expect(one.stdout).toMatch(/out\/template\.slide-02\.png\s+\d+ KB\s+1 slide\n/);
    expect(one.stdout).toMatch(/out\/template\.present\.html\s+\d+ KB\s+9 slides/);
    expect(readFileSync(join(folder, 'out', 'template.present.html'), 'utf8')).toContain('id="isdeck-presenter"');

    const all = await runExport(['decks/template.md', '--png', '--out', 'all'], { cwd: folder, env: { ISDECK_BROWSER: BROWSER_PATH } });
    expect(all.code).toBe(0);
    expect(readdirSync(join(folder, 'all')).sort()).toEqual(Array.from({ length: 9 }, (_, index) => `template.slide-0${index + 1}.png`));
    expect(all.stdout).toMatch(/all\/template\.slide-NN\.png\s+\d+ KB\s+9 slides/);

    const beyond = await runExport(['decks/template.md', '--png', '--slide', '10', '--out', 'beyond'], { cwd: folder, env: { ISDECK_BROWSER: BROWSER_PATH } });
    expect(beyond.code).toBe(1);
    expect(beyond.stderr).toContain('decks/template.md: PNG not written: there is no slide 10: the deck has 9 slides');
    expect(readdirSync(join(folder, 'beyond'))).toEqual([]);
    for (const [args, message] of [
      [['decks/template.md', '--slide', '2'], '--slide picks the slides of --png: use it with --png'],
      [['decks/template.md', '--png', '--slide', 'two'], "--slide needs a slide number from 1 (got 'two')"],
      [['decks/template.md', '--png', '--slide', '0'], "--slide needs a slide number from 1 (got '0')"],
    ] as const) {
      const usage = await runExport([...args], { cwd: folder });
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain(message);
    }
  });

  it('exports a deck with errors and prints them; --strict skips it with exit 1', { timeout: TIMEOUT }, async () => {
    const folder = join(work, 'errors');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bad.md'), '---\nmarp: true\ntheme: improvement-service\n---\n\n<!-- _class: content -->\n\nNo title here.\n');
    const loose = await runExport(['bad.md', '--pptx'], { cwd: folder });
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(/^bad\.md$/m);
    expect(loose.stdout).toMatch(/^\s+\d+:\d+\s+error\s+.+\s{2}[a-z-]+$/m);
    expect(existsSync(join(folder, 'bad.pptx'))).toBe(true);
    rmSync(join(folder, 'bad.pptx'));

    const strict = await runExport(['bad.md', '--pptx', '--strict'], { cwd: folder });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('bad.md: skipped');
    expect(readdirSync(folder)).toEqual(['bad.md']);
  });

  it('refuses an output path equal to an input, writing nothing', { timeout: TIMEOUT }, async () => {
    const folder = join(work, 'same');
    mkdirSync(folder);
    copyFileSync(TEMPLATE, join(folder, 'talk.pptx'));
    const hash = sha(join(folder, 'talk.pptx'));
    const result = await runExport(['talk.pptx', '--pptx', '--html'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('talk.pptx: refusing to write the PPTX over an input deck');
    expect(sha(join(folder, 'talk.pptx'))).toBe(hash);
    expect(readdirSync(folder)).toEqual(['talk.pptx']);
  });

  it('an output that is a folder is refused before anything is written (exit 2); the source stays untouched', { timeout: TIMEOUT }, async () => {
    const folder = project('blocked');
    mkdirSync(join(folder, 'out', 'template.pdf'), { recursive: true });
    const hash = sha(join(folder, 'decks', 'template.md'));
    const result = await runExport(['decks/template.md', '--out', 'out'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('isdeck: out/template.pdf: refusing to write the PDF: it is a folder, not a regular file\n');
    expect(readdirSync(join(folder, 'out'))).toEqual(['template.pdf']);
    expect(readdirSync(join(folder, 'out', 'template.pdf'))).toEqual([]);
    expect(sha(join(folder, 'decks', 'template.md'))).toBe(hash);
  });

  it('interrupted mid-export: only whole files, no temporary files', { timeout: TIMEOUT }, async () => {
    const folder = project('interrupted');
    const hash = sha(join(folder, 'decks', 'masterclass-2010-03-24.md'));
    // SIGTERM once the PPTX is reported written (progress `[1/2]`): the browser is then
    // starting, loading or printing the 45 slides. Keyed to progress, not to a clock, so a
    // loaded machine cannot send it before the command has started.
    const result = await runExport(['decks/masterclass-2010-03-24.md', '--out', 'out', '--notes', '--pdf', '--pptx'], {
      cwd: folder,
      killWhen: (stderr) => stderr.includes('[1/2]'),
    });
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('isdeck: interrupted (SIGTERM)');
    const left = readdirSync(join(folder, 'out'));
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    for (const name of left.filter((file) => file.endsWith('.pdf'))) expect(await pages(join(folder, 'out', name))).toBe(45);
    expect(sha(join(folder, 'decks', 'masterclass-2010-03-24.md'))).toBe(hash);
  });

  it('embeds images inside the deck folder and refuses one outside, naming its path', { timeout: TIMEOUT }, async () => {
    const folder = join(work, 'pictures');
    mkdirSync(join(folder, 'deck', 'img'), { recursive: true });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    writeFileSync(join(folder, 'deck', 'img', 'in.png'), png);
    writeFileSync(join(folder, 'out.png'), png);
    writeFileSync(
      join(folder, 'deck', 'talk.md'),
      '---\nmarp: true\ntheme: improvement-service\ntitle: Pictures\n---\n\n<!-- _class: content -->\n\n## Pictures\n\n![Inside](img/in.png)\n\n![Outside](../out.png)\n',
    );
    const result = await runExport(['deck/talk.md', '--pdf', '--html'], { cwd: folder });
    // Content left out: exit 1, the picture named with its line, slide and why; the PDF and the HTML leave it out alike: one line.
    expect(result.code).toBe(1);
    const why = 'The image `../out.png` is outside the workspace: copy it into the workspace (e.g. an `images/` folder beside the deck) and link it there.';
    expect(result.stderr).toContain(`isdeck: deck/talk.md:13: PDF, HTML: slide 1: ${why}\n`);
    expect(await pages(join(folder, 'deck', 'talk.pdf'))).toBe(1);
    const html = readFileSync(join(folder, 'deck', 'talk.html'), 'utf8');
    expect(html).toContain('data:image/png;base64,');
    expect(html).not.toContain('../out.png');

    const allowed = await runExport(['deck/talk.md', '--html', '--allow-missing'], { cwd: folder });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain(`isdeck: deck/talk.md:13: HTML: slide 1: ${why}\n`);
    expect(allowed.stderr).toContain('isdeck: deck/talk.md: written without what is listed above (--allow-missing)\n');
  });

  it('checks the drawn slides of the PDF, and of HTML alone, as warnings; --strict fails on them', { timeout: TIMEOUT }, async () => {
    const folder = join(work, 'drawn');
    mkdirSync(folder);
    copyFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'render-check', 'tiny-text.md'), join(folder, 'tiny.md'));
    const warning = /^isdeck: tiny\.md:22: drawn slides: slide 2: Text is drawn at 12 px \(“Text this small cannot be read from the back of a…”\), under the 18 px minimum: .+ \[min-font-size\]$/m;
    const pdf = await runExport(['tiny.md', '--pdf'], { cwd: folder });
    expect(pdf.code).toBe(0);
    expect(pdf.stderr).toMatch(warning);
    const html = await runExport(['tiny.md', '--html'], { cwd: folder });
    expect(html.code).toBe(0);
    expect(html.stderr).toMatch(warning);
    expect((await runExport(['tiny.md', '--html', '--pdf', '--strict'], { cwd: folder })).code).toBe(1);
    // Turned off in the configuration: no browser is started for HTML, nothing is said.
    writeFileSync(join(folder, '.isdeckrc.json'), JSON.stringify({ root: true, rules: { 'min-font-size': 'off', 'slide-overflow': 'off', contrast: 'off' } }));
    const off = await runExport(['tiny.md', '--html', '--strict', '--browser-path', '/nonexistent'], { cwd: folder });
    expect(off).toMatchObject({ code: 0, stderr: expect.not.stringMatching(/drawn|browser/) });
  });

  it('groups warnings by cause with the list of slides, one line for the formats that agree', { timeout: TIMEOUT }, async () => {
    const folder = join(work, 'grouped');
    mkdirSync(folder);
    const slides = Array.from({ length: 7 }, (_, index) => `## Slide ${index + 1}\n\n${[1, 3, 4, 5].includes(index) ? '![Gone](gone.png)' : `Text ${index + 1}.`}\n`);
    writeFileSync(join(folder, 'grouped.md'), `---\nmarp: true\ntheme: improvement-service\nclass: wide\n---\n\n${slides.join('\n---\n\n')}`);
    const result = await runExport(['grouped.md', '--pptx', '--html'], { cwd: folder });
    // A picture left out: exit 1 (without --allow-missing).
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('isdeck: grouped.md:'));
    expect(lines).toEqual([
      'isdeck: grouped.md:4: PPTX: slide 1: Slide class `wide` is not a house slide type; slides 1–7 are exported as content slides.',
      "isdeck: grouped.md:15: HTML, PPTX: slides 2, 4–6: The image `gone.png` was not found: no such file relative to the deck's folder (check the path and the case of the file name).",
    ]);
  });

  it('reports bad usage with exit 2', { timeout: TIMEOUT }, async () => {
    const folder = join(work, 'usage');
    mkdirSync(folder);
    expect((await runExport([], { cwd: folder })).code).toBe(2);
    const notes = await runExport(['x.md', '--pptx', '--notes'], { cwd: folder });
    expect(notes.code).toBe(2);
    expect(notes.stderr).toContain('--notes');
    const missing = await runExport(['nothing-here.md'], { cwd: folder });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing-here.md: no such file or folder');
    const help = await runExport(['--help'], { cwd: folder });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: isdeck export');
  });
});
