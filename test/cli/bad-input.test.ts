import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeWorkspace, onlyRules, parseJsonReport, SPELLING_AND_FRONT_MATTER, SPELLING_DECK, where, type Workspace } from './workspace';

/** Bad input gets one clear line, the right exit code, never a stack trace, never a hang. */
describe('isdeck lint: bad input', () => {
  let workspace: Workspace | undefined;
  afterEach(() => workspace?.remove());

  function expectOneCleanLine(stderr: string, line: string) {
    expect(stderr).toBe(`${line}\n`);
    expect(stderr).not.toMatch(/^\s+at /m);
  }

  it('broken YAML front-matter is a front-matter problem at its line, exit 1', async () => {
    workspace = makeWorkspace({ 'deck.md': '---\nmarp: true\ntheme: [improvement-service\n---\n\n## Title\n' }, SPELLING_AND_FRONT_MATTER);
    const { code, stdout, stderr } = await runCli(['lint', '-f', 'json', 'deck.md'], { cwd: workspace.root });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const items = parseJsonReport(stdout);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ rule: 'front-matter', severity: 'error' });
    expect(items[0]!.line).toBeGreaterThanOrEqual(3);
    expect(items[0]!.line).toBeLessThanOrEqual(4);
  });

  it('a missing file: exit 2', async () => {
    workspace = makeWorkspace();
    const { code, stdout, stderr } = await runCli(['lint', 'decks/missing.md'], { cwd: workspace.root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneCleanLine(stderr, 'isdeck: decks/missing.md: no such file or folder');
  });

  it('a folder where a file is expected is searched', async () => {
    workspace = makeWorkspace({ 'talks/deck.md': SPELLING_DECK }, SPELLING_AND_FRONT_MATTER);
    const { code, stdout } = await runCli(['lint', '-f', 'json', 'talks'], { cwd: workspace.root });
    expect(code).toBe(0);
    expect(where(parseJsonReport(stdout))).toEqual(['talks/deck.md uk-spelling 6:5']);
  });

  it('a binary file: "not a text file", exit 2', async () => {
    workspace = makeWorkspace({ 'file.bin': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]) });
    const { code, stderr } = await runCli(['lint', 'file.bin'], { cwd: workspace.root });
    expect(code).toBe(2);
    expectOneCleanLine(stderr, 'isdeck: file.bin: not a text file');
  });

  it('a file that is not UTF-8: "not valid UTF-8" with its line, exit 2', async () => {
    const latin1 = Buffer.from('---\nmarp: true\ntheme: improvement-service\n---\n\nCaf\xe9 culture\n', 'latin1');
    workspace = makeWorkspace({ 'latin1.md': latin1 });
    const { code, stderr } = await runCli(['lint', 'latin1.md'], { cwd: workspace.root });
    expect(code).toBe(2);
    expectOneCleanLine(stderr, 'isdeck: latin1.md:6: not valid UTF-8 (byte 0xE9); save the file as UTF-8');
  });

  it('a UTF-16 file: named as such, exit 2', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SPELLING_DECK, 'utf16le')]);
    workspace = makeWorkspace({ 'wide.md': utf16 });
    const { code, stderr } = await runCli(['lint', 'wide.md'], { cwd: workspace.root });
    expect(code).toBe(2);
    expectOneCleanLine(stderr, 'isdeck: wide.md: the file is UTF-16; save it as UTF-8');
  });

  it('a byte-order mark changes no column', async () => {
    workspace = makeWorkspace({ 'plain.md': SPELLING_DECK, 'bom.md': `\uFEFF${SPELLING_DECK}` }, SPELLING_AND_FRONT_MATTER);
    const { code, stdout } = await runCli(['lint', '-f', 'json', 'plain.md', 'bom.md'], { cwd: workspace.root });
    expect(code).toBe(0);
    const [bom, plain] = parseJsonReport(stdout);
    expect({ ...bom, file: '' }).toEqual({ ...plain, file: '' });
    expect(plain).toMatchObject({ line: 6, column: 5, endLine: 6, endColumn: 10 });
  });

  it('CRLF line endings give the same ranges as LF', async () => {
    const config = onlyRules({ 'front-matter': 'error', 'uk-spelling': 'warning', 'slide-title': 'error', 'cover-first': 'error', 'bullet-limits': 'warning' });
    const deck = `${SPELLING_DECK}\n---\n\n- one\n- the color\n\n## Title\n\nA program.\n`;
    workspace = makeWorkspace({ 'lf.md': deck, 'crlf.md': deck.replace(/\n/g, '\r\n') }, config);
    const { stdout } = await runCli(['lint', '-f', 'json', 'lf.md', 'crlf.md'], { cwd: workspace.root });
    const items = parseJsonReport(stdout);
    const strip = (file: string) => items.filter((item) => item.file === file).map((item) => ({ ...item, file: '' }));
    expect(strip('lf.md').length).toBeGreaterThan(2);
    expect(strip('crlf.md')).toEqual(strip('lf.md'));
  });

  it('an empty file is a front-matter problem, exit 1', async () => {
    workspace = makeWorkspace({ 'empty.md': '' });
    const { code, stdout, stderr } = await runCli(['lint', '-f', 'json', 'empty.md'], { cwd: workspace.root });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(parseJsonReport(stdout).map((item) => item.rule)).toContain('front-matter');
  });

  it('a 10 MB file is refused at once with its size, exit 2; the other decks are still linted', async () => {
    const line = 'The colour of the masterclass is fine and the text goes on.\n';
    const huge = `---\nmarp: true\ntheme: improvement-service\n---\n\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))}`.slice(0, 10 * 1024 * 1024);
    workspace = makeWorkspace({ 'huge.md': huge, 'deck.md': SPELLING_DECK }, SPELLING_AND_FRONT_MATTER);
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(['lint', '-f', 'json'], { cwd: workspace.root, timeoutMs: 20_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).toBe(2);
    expectOneCleanLine(stderr, 'isdeck: huge.md: file is 10.0 MB; decks over 1.0 MB are not linted');
    expect(where(parseJsonReport(stdout))).toEqual(['deck.md uk-spelling 6:5']);
  });

  it('3,000 levels of nested lists and quotes: complete at once with a result, no stack overflow', async () => {
    const head = '---\nmarp: true\ntheme: improvement-service\n---\n\n## Deep\n\n';
    workspace = makeWorkspace(
      {
        'bullets.md': `${head}${'- '.repeat(3000)}item\n`,
        'numbers.md': `${head}${'1. '.repeat(3000)}item\n`,
        'quotes.md': `${head}${'> '.repeat(3000)}quote\n`,
      },
      onlyRules({ 'bullet-limits': 'warning', 'empty-slide': 'error' }),
    );
    const { code, stdout, stderr } = await runCli(['lint', '-f', 'json', '--max-warnings', '0', 'bullets.md', 'numbers.md', 'quotes.md'], { cwd: workspace.root, timeoutMs: 30_000 });
    expect(stderr).toBe('isdeck: too many warnings (2; --max-warnings is 0)\n');
    expect(code).toBe(1);
    // markdown-it stops nesting at its limit (maxNesting), so the deck model sees a bounded depth.
    expect(parseJsonReport(stdout).map((item) => `${item.file} ${item.rule}`)).toEqual(['bullets.md bullet-limits', 'numbers.md bullet-limits']);
  });

  it('3,000 levels of indented list are over the size limit (the indentation alone is 9 MB): refused clearly', async () => {
    let deck = '---\nmarp: true\ntheme: improvement-service\n---\n\n## Deep\n\n';
    for (let depth = 0; depth < 3000; depth++) deck += `${'  '.repeat(depth)}- level ${depth + 1}\n`;
    workspace = makeWorkspace({ 'nested.md': deck });
    const { code, stderr } = await runCli(['lint', 'nested.md'], { cwd: workspace.root });
    expect(code).toBe(2);
    expectOneCleanLine(stderr, 'isdeck: nested.md: file is 8.6 MB; decks over 1.0 MB are not linted');
  });

  it('nothing on standard input is an empty deck, not a hang', async () => {
    workspace = makeWorkspace({}, SPELLING_AND_FRONT_MATTER);
    const { code, stdout } = await runCli(['lint', '-f', 'json', '-'], { cwd: workspace.root, input: '' });
    expect(code).toBe(1);
    expect(where(parseJsonReport(stdout))).toEqual(['<stdin> front-matter 1:1']);
  });
});
