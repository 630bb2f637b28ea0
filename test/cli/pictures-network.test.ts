/**
 * The picture policy, the network policy and control characters through the shipped command
 * line: lint and every export agree on pictures and say the same; PDF export and
 * `lint --render` make no request unless asked (a real server on 127.0.0.1 counts them); deck
 * text reaches the terminal escaped.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { HOSTILE_DECK, RAW_CONTROL } from '../helpers/control-characters';
import { remoteDeck, startCountingServer, type CountingServer } from '../helpers/counting-server';
import { makeWorkspace, onlyRules, type Workspace } from './workspace';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEADfwC/g2Rz2oAAAAASUVORK5CYII=', 'base64');
const TIMEOUT = 120_000;
const ENV = { ISDECK_BROWSER: '' };

let workspace: Workspace | undefined;
let outside: string;
let server: CountingServer;

beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), 'isdeck-cli-outside-'));
  writeFileSync(join(outside, 'secret.png'), PNG);
  server = await startCountingServer();
});

afterAll(async () => {
  rmSync(outside, { recursive: true, force: true });
  await server.close();
});

afterEach(() => {
  workspace?.remove();
  workspace = undefined;
});

const leftOutLines = (stderr: string) => stderr.split('\n').filter((line) => /^isdeck: decks\/talk\.md:\d+: /.test(line));

describe('one picture policy for lint and export', () => {
  const deck = `---
marp: true
theme: improvement-service
---

## Pictures

![Sibling folder](../img/x.png)

![A name that starts with two dots](..red.png)

---

## More

![A link out of the workspace](leak.png)
`;

  function pictureWorkspace(): Workspace {
    workspace = makeWorkspace({ 'decks/talk.md': deck, 'img/x.png': PNG, 'decks/..red.png': PNG }, onlyRules({ 'image-exists': 'error' }));
    symlinkSync(join(outside, 'secret.png'), workspace.path('decks/leak.png'));
    return workspace;
  }

  const why = 'The image `leak.png` is a link to a file outside the workspace: copy it into the workspace (e.g. an `images/` folder beside the deck) and link it there.';

  it('lint accepts the sibling folder and `..red.png`, and refuses the link out', async () => {
    const { root } = pictureWorkspace();
    const result = await runCli(['lint', '-f', 'json', 'decks/talk.md'], { cwd: root });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ rule: 'image-exists', line: 16, column: 32, message: why })]);
  });

  it('every export embeds the same two, leaves out the same one with the same message (slide, line, why), and exits 1', { timeout: TIMEOUT }, async () => {
    const { root, path } = pictureWorkspace();
    const result = await runCli(['export', '--pptx', '--html', '--pdf', 'decks/talk.md'], { cwd: root, env: ENV, timeoutMs: TIMEOUT });
    expect(result.code).toBe(1);
    // One cause, one message, three formats: one line.
    expect(leftOutLines(result.stderr)).toEqual([`isdeck: decks/talk.md:16: PDF, HTML, PPTX: slide 2: ${why}`]);
    const html = readFileSync(path('decks/talk.html'), 'utf8');
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(2);
    const zip = await JSZip.loadAsync(readFileSync(path('decks/talk.pptx')));
    const slide1 = await zip.file('ppt/slides/slide1.xml')!.async('string');
    const slide2 = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(slide1.match(/<p:pic>/g)).toHaveLength(2);
    expect(slide2).not.toContain('<p:pic>');
  });

  it('--allow-missing writes the same and exits 0, saying what is missing', { timeout: TIMEOUT }, async () => {
    const { root } = pictureWorkspace();
    const result = await runCli(['export', '--pptx', '--allow-missing', 'decks/talk.md'], { cwd: root, timeoutMs: TIMEOUT });
    expect(result.code).toBe(0);
    expect(leftOutLines(result.stderr)).toEqual([`isdeck: decks/talk.md:16: PPTX: slide 2: ${why}`]);
    expect(result.stderr).toContain('isdeck: decks/talk.md: written without what is listed above (--allow-missing)\n');
  });
});

describe('no network unless asked', () => {
  /** The deck of `remoteDeck`, with `slide-overflow` on (a rendered rule: `--render` draws the deck) and nothing else. */
  function remoteWorkspace(config: Record<string, unknown> = {}): Workspace {
    workspace = makeWorkspace({ 'decks/talk.md': remoteDeck(server.origin) }, { ...onlyRules({ 'slide-overflow': 'error' }), ...config });
    return workspace;
  }

  const places = ['5: slide 1', '9: slide 1', '14: slide 1', '18: slide 2'];

  it('PDF export makes no request, lists each resource with its line and slide, and exits 1', { timeout: TIMEOUT }, async () => {
    const { root } = remoteWorkspace();
    server.hits.length = 0;
    const result = await runCli(['export', '--pdf', 'decks/talk.md'], { cwd: root, env: ENV, timeoutMs: TIMEOUT });
    expect(server.hits).toEqual([]);
    expect(result.code).toBe(1);
    const lines = leftOutLines(result.stderr);
    expect(lines.map((line) => /talk\.md:(\d+): PDF: (slide \d)/.exec(line)?.slice(1).join(': ')).sort()).toEqual(places.sort());
    expect(lines.every((line) => line.includes('was not loaded: isdeck makes no network request unless asked (`--allow-remote`'))).toBe(true);
  });

  it('PDF export loads them with --allow-remote, and with `allowRemote: true` in the configuration', { timeout: TIMEOUT }, async () => {
    const { root } = remoteWorkspace();
    server.hits.length = 0;
    const flag = await runCli(['export', '--pdf', '--allow-remote', 'decks/talk.md'], { cwd: root, env: ENV, timeoutMs: TIMEOUT });
    expect(flag.code).toBe(0);
    expect([...server.hits].sort()).toEqual(['/background.png', '/import.css', '/picture.png', '/style-directive.png']);
    workspace!.remove();
    const configured = remoteWorkspace({ allowRemote: true });
    server.hits.length = 0;
    const config = await runCli(['export', '--pdf', 'decks/talk.md'], { cwd: configured.root, env: ENV, timeoutMs: TIMEOUT });
    expect(config.code).toBe(0);
    expect(server.hits).toHaveLength(4);
  });

  it('a resource that never answers costs the request time limit (10 s), not the export', { timeout: TIMEOUT }, async () => {
    workspace = makeWorkspace({ 'decks/talk.md': remoteDeck(server.origin, 'hang.png') }, onlyRules({}));
    const started = performance.now();
    const result = await runCli(['export', '--pdf', '--allow-remote', 'decks/talk.md'], { cwd: workspace.root, env: ENV, timeoutMs: TIMEOUT });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code).toBe(1);
    expect(leftOutLines(result.stderr)).toEqual([`isdeck: decks/talk.md:14: PDF: slide 1: The resource \`${server.origin}/hang.png\` did not answer within 10 s, and was left out.`]);
    expect(readFileSync(workspace.path('decks/talk.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(seconds).toBeGreaterThanOrEqual(10);
    expect(seconds).toBeLessThan(55);
  });

  it('lint --render makes no request and warns per resource (exit unchanged); --allow-remote loads them', { timeout: TIMEOUT }, async () => {
    const { root } = remoteWorkspace();
    server.hits.length = 0;
    const blocked = await runCli(['lint', '--render', 'decks/talk.md'], { cwd: root, env: ENV, timeoutMs: TIMEOUT });
    expect(server.hits).toEqual([]);
    expect(blocked.code).toBe(0);
    const warnings = blocked.stderr.split('\n').filter((line) => line.startsWith('isdeck: warning: decks/talk.md:'));
    expect(warnings).toHaveLength(4);
    expect(warnings).toContain(
      `isdeck: warning: decks/talk.md:18: slide 2: not drawn for the rendered checks: The resource \`${server.origin}/background.png\` was not loaded: isdeck makes no network request unless asked (\`--allow-remote\`, or \`allowRemote: true\` in the configuration).`,
    );
    const allowed = await runCli(['lint', '--render', '--allow-remote', 'decks/talk.md'], { cwd: root, env: ENV, timeoutMs: TIMEOUT });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toBe('');
    expect(server.hits).toHaveLength(4);
  });
});

describe('control characters in deck text', () => {
  it('reach neither the report nor the export messages raw', { timeout: TIMEOUT }, async () => {
    workspace = makeWorkspace({ 'decks/talk.md': HOSTILE_DECK }, onlyRules({ 'unknown-slide-type': 'error' }));
    const lint = await runCli(['lint', 'decks/talk.md'], { cwd: workspace.root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('Unknown slide type `x\\x1B[2J\\x1B]0;PWNED\\x07\\x9B2J\\u202Etxt.exe`');
    expect(lint.stdout + lint.stderr).not.toMatch(RAW_CONTROL);
    const exported = await runCli(['export', '--pptx', 'decks/talk.md'], { cwd: workspace.root, timeoutMs: TIMEOUT });
    expect(exported.stderr).toContain('PPTX: slide 1: Slide class `x\\x1B[2J');
    expect(exported.stdout + exported.stderr).not.toMatch(RAW_CONTROL);
    const github = await runCli(['lint', '-f', 'github', 'decks/talk.md'], { cwd: workspace.root });
    expect(github.stdout).toContain('::error file=decks/talk.md,line=6');
    expect(github.stdout).not.toMatch(RAW_CONTROL);
  });
});
