import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { sarifErrors, sarifValidator } from '../helpers/sarif';
import {
  HOUSE_DECK,
  makeWorkspace,
  NO_FRONT_MATTER,
  onlyRules,
  parseJsonReport,
  SPELLING_AND_FRONT_MATTER,
  SPELLING_DECK,
  where,
  WRONG_THEME_DECK,
  type Workspace,
} from './workspace';

describe('isdeck lint', () => {
  let workspace: Workspace | undefined;
  afterEach(() => workspace?.remove());

  /** Two decks with problems and one clean, under `decks/`. */
  function twoDecks(config = SPELLING_AND_FRONT_MATTER) {
    workspace = makeWorkspace({ 'decks/b.md': SPELLING_DECK, 'decks/a.md': WRONG_THEME_DECK, 'decks/clean.md': HOUSE_DECK }, config);
    return workspace;
  }

  it('a house deck is clean with the default rules: no output, exit 0', async () => {
    workspace = makeWorkspace({ 'deck.md': HOUSE_DECK });
    const { code, stdout, stderr } = await runCli(['lint', 'deck.md'], { cwd: workspace.root });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('stylish: grouped by file, sorted, with a summary; errors exit 1', async () => {
    const { root } = twoDecks();
    const { code, stdout } = await runCli(['lint', 'decks'], { cwd: root });
    expect(code).toBe(1);
    expect(stdout.indexOf('decks/a.md\n')).toBeGreaterThan(-1);
    expect(stdout.indexOf('decks/a.md\n')).toBeLessThan(stdout.indexOf('decks/b.md\n'));
    expect(stdout).not.toContain('decks/clean.md');
    expect(stdout).toMatch(/^ {2}3:8 {2}error {4}.+ {2}front-matter$/m);
    expect(stdout).toMatch(/^ {2}6:5 {2}warning {2}.+ {2}uk-spelling$/m);
    expect(stdout).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('json: the shape of docs/house-structure.md §5, paths relative with forward slashes', async () => {
    const { root } = twoDecks();
    const { code, stdout } = await runCli(['lint', '--format', 'json'], { cwd: root });
    expect(code).toBe(1);
    const items = parseJsonReport(stdout);
    expect(where(items)).toEqual(['decks/a.md front-matter 3:8', 'decks/b.md uk-spelling 6:5']);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message', 'fixable']);
    }
    expect(items[1]).toMatchObject({ endLine: 6, endColumn: 10, severity: 'warning', fixable: true });
  });

  it('sarif: a valid SARIF 2.1.0 log with the same results', async () => {
    const { root } = twoDecks();
    const { code, stdout } = await runCli(['lint', '-f', 'sarif', 'decks'], { cwd: root });
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    const validate = sarifValidator();
    const valid = validate(log);
    expect(sarifErrors(validate)).toBe('');
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run.results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['front-matter', 'uk-spelling']);
    expect(run.results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'decks/b.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6, startColumn: 5, endLine: 6, endColumn: 10 },
    });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
  });

  it('github: one workflow command a problem', async () => {
    const { root } = twoDecks();
    const { code, stdout } = await runCli(['lint', '--format=github'], { cwd: root });
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=decks\/a\.md,line=3,col=8,endLine=3,endColumn=\d+,title=front-matter::\S/);
    expect(lines[1]).toMatch(/^::warning file=decks\/b\.md,line=6,col=5,endLine=6,endColumn=10,title=uk-spelling::\S/);
  });

  it('junit: well-formed XML, a testsuite per file', async () => {
    const { root } = twoDecks();
    const { code, stdout } = await runCli(['lint', '--format', 'junit'], { cwd: root });
    expect(code).toBe(1);
    expect(XMLValidator.validate(stdout)).toBe(true);
    expect(stdout.match(/<testsuite /g)).toHaveLength(3);
    expect(stdout).toContain('<testsuites name="isdeck" tests="3" failures="2" errors="0">');
    expect(stdout).toContain('<testcase classname="decks/clean.md" name="isdeck"/>');
  });

  it('gitlab: Code Quality issues', async () => {
    const { root } = twoDecks();
    const { code, stdout } = await runCli(['lint', '--format', 'gitlab'], { cwd: root });
    expect(code).toBe(1);
    const issues = JSON.parse(stdout);
    expect(issues.map((issue: { check_name: string; severity: string; location: unknown }) => [issue.check_name, issue.severity, issue.location])).toEqual([
      ['front-matter', 'major', { path: 'decks/a.md', lines: { begin: 3 } }],
      ['uk-spelling', 'minor', { path: 'decks/b.md', lines: { begin: 6 } }],
    ]);
    expect(issues[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('warnings alone exit 0; over --max-warnings exit 1', async () => {
    workspace = makeWorkspace({ 'deck.md': SPELLING_DECK }, SPELLING_AND_FRONT_MATTER);
    const cwd = workspace.root;
    expect((await runCli(['lint', 'deck.md'], { cwd })).code).toBe(0);
    expect((await runCli(['lint', 'deck.md', '--max-warnings', '1'], { cwd })).code).toBe(0);
    const over = await runCli(['lint', 'deck.md', '--max-warnings', '0'], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('isdeck: too many warnings (1; --max-warnings is 0)\n');
  });

  it('--quiet reports errors only', async () => {
    const { root } = twoDecks();
    const { code, stdout } = await runCli(['lint', '--quiet', '-f', 'json'], { cwd: root });
    expect(code).toBe(1);
    expect(where(parseJsonReport(stdout))).toEqual(['decks/a.md front-matter 3:8']);
    const warningsOnly = await runCli(['lint', '-q', '--max-warnings', '0', 'decks/b.md'], { cwd: root });
    expect(warningsOnly).toMatchObject({ code: 0, stdout: '' });
  });

  it('--output writes the report to a file (folders made, no temporary file left), not to stdout', async () => {
    const { root, path } = twoDecks();
    const { code, stdout } = await runCli(['lint', '-f', 'json', '--output', 'reports/out/isdeck.json'], { cwd: root });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(where(parseJsonReport(readFileSync(path('reports/out/isdeck.json'), 'utf8')))).toHaveLength(2);
    expect(readdirSync(path('reports/out'))).toEqual(['isdeck.json']);
    const stylish = await runCli(['lint', '-o', 'report.txt'], { cwd: root });
    expect(stylish.stdout).toBe('');
    expect(readFileSync(path('report.txt'), 'utf8')).toContain('✖ 2 problems');
  });

  it('--output to a place that cannot be written: exit 2 with a message', async () => {
    const { root } = twoDecks();
    workspace!.write('blocked', 'a file, not a folder');
    const { code, stderr } = await runCli(['lint', '-o', 'blocked/report.json'], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^isdeck: blocked\/report\.json: the report could not be written: /m);
  });

  it('--fix applies fixes, keeps the byte-order mark and CRLF line endings, and reports what is left', async () => {
    const crlf = '\uFEFF---\r\nmarp: true\r\ntheme: improvement-service\r\n---\r\n\r\nThe color of the center.\r\n';
    workspace = makeWorkspace({ 'deck.md': crlf, 'bare.md': NO_FRONT_MATTER }, onlyRules({ 'front-matter': 'error', 'uk-spelling': 'warning', 'slide-title': 'error' }));
    const before = readFileSync(workspace.path('bare.md'), 'utf8');
    const { code, stdout, stderr } = await runCli(['lint', '--fix', '-f', 'json', 'deck.md', 'bare.md'], { cwd: workspace.root });
    expect(readFileSync(workspace.path('deck.md'), 'utf8')).toBe('\uFEFF---\r\nmarp: true\r\ntheme: improvement-service\r\n---\r\n\r\nThe colour of the centre.\r\n');
    const fixedBare = readFileSync(workspace.path('bare.md'), 'utf8');
    expect(fixedBare).not.toBe(before);
    expect(fixedBare.startsWith('---\nmarp: true\ntheme: improvement-service\n---\n')).toBe(true);
    expect(stderr).toBe('isdeck: fixed 2 files\n');
    expect(where(parseJsonReport(stdout)).every((entry) => !entry.includes('front-matter') && !entry.includes('uk-spelling'))).toBe(true);
    expect(code).toBe(parseJsonReport(stdout).some((item) => item.severity === 'error') ? 1 : 0);
    expect(readdirSync(workspace.root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('--fix leaves a file without fixable problems untouched', async () => {
    workspace = makeWorkspace({ 'deck.md': HOUSE_DECK });
    const { code, stderr } = await runCli(['lint', '--fix', 'deck.md'], { cwd: workspace.root });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(workspace.path('deck.md'), 'utf8')).toBe(HOUSE_DECK);
  });

  it('searches folders for Marp decks, skipping node_modules, dot-folders and Markdown without marp: true', async () => {
    workspace = makeWorkspace(
      {
        'deck.md': SPELLING_DECK,
        'docs/readme.md': 'The color of a plain Markdown file.\n',
        'docs/nested/deep/deck.MD': SPELLING_DECK,
        'node_modules/pkg/deck.md': SPELLING_DECK,
        '.hidden/deck.md': SPELLING_DECK,
        'notes.txt': SPELLING_DECK,
      },
      SPELLING_AND_FRONT_MATTER,
    );
    const { code, stdout } = await runCli(['lint', '-f', 'json'], { cwd: workspace.root });
    expect(code).toBe(0);
    expect(parseJsonReport(stdout).map((item) => item.file)).toEqual(['deck.md', 'docs/nested/deep/deck.MD']);
    // A file named explicitly is linted even without `marp: true`, whatever its name.
    const explicit = await runCli(['lint', '-f', 'json', 'docs/readme.md', 'notes.txt', '.hidden/deck.md'], { cwd: workspace.root });
    expect(where(parseJsonReport(explicit.stdout))).toEqual([
      '.hidden/deck.md uk-spelling 6:5',
      'docs/readme.md front-matter 1:1',
      'docs/readme.md uk-spelling 1:5',
      'notes.txt uk-spelling 6:5',
    ]);
  });

  it('expands globs with tinyglobby, keeping only Marp decks; a glob that matches nothing is exit 2', async () => {
    workspace = makeWorkspace({ 'decks/one.md': SPELLING_DECK, 'decks/sub/two.md': SPELLING_DECK, 'decks/readme.md': '# Read me\n' }, SPELLING_AND_FRONT_MATTER);
    const { code, stdout } = await runCli(['lint', '-f', 'json', 'decks/**/*.md'], { cwd: workspace.root });
    expect(code).toBe(0);
    expect(parseJsonReport(stdout).map((item) => item.file)).toEqual(['decks/one.md', 'decks/sub/two.md']);
    const none = await runCli(['lint', '-f', 'json', 'decks/**/*.md', 'slides/*.md'], { cwd: workspace.root });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('isdeck: slides/*.md: no files match\n');
    expect(parseJsonReport(none.stdout)).toHaveLength(2);
  });

  it('reads a deck from standard input with -, reported as <stdin>', async () => {
    workspace = makeWorkspace({}, SPELLING_AND_FRONT_MATTER);
    const { code, stdout } = await runCli(['lint', '-f', 'json', '-'], { cwd: workspace.root, input: SPELLING_DECK });
    expect(code).toBe(0);
    expect(where(parseJsonReport(stdout))).toEqual(['<stdin> uk-spelling 6:5']);
    const stylish = await runCli(['lint', '-'], { cwd: workspace.root, input: NO_FRONT_MATTER });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('\n<stdin>\n');
  });

  it('finds configuration per folder: a sub-folder\'s file overrides its parent\'s', async () => {
    workspace = makeWorkspace(
      { 'a/deck.md': SPELLING_DECK, 'b/deck.md': SPELLING_DECK, 'b/.isdeckrc.yaml': 'rules:\n  uk-spelling: error\n' },
      SPELLING_AND_FRONT_MATTER,
    );
    const { code, stdout } = await runCli(['lint', '-f', 'json'], { cwd: workspace.root });
    expect(code).toBe(1);
    expect(parseJsonReport(stdout).map((item) => `${item.file} ${item.severity}`)).toEqual(['a/deck.md warning', 'b/deck.md error']);
  });

  it('--config FILE replaces discovery', async () => {
    workspace = makeWorkspace({ 'deck.md': SPELLING_DECK, 'ci/strict.json': JSON.stringify(onlyRules({ 'uk-spelling': 'error' })) }, SPELLING_AND_FRONT_MATTER);
    const { code, stdout } = await runCli(['lint', '-f', 'json', '--config', 'ci/strict.json', 'deck.md'], { cwd: workspace.root });
    expect(code).toBe(1);
    expect(parseJsonReport(stdout).map((item) => `${item.rule} ${item.severity}`)).toEqual(['uk-spelling error']);
    const missing = await runCli(['lint', '-c', 'ci/none.json', 'deck.md'], { cwd: workspace.root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('isdeck: ci/none.json: no such file\n');
  });

  it('a broken configuration file: exit 2, one line naming file, line and key; decks it does not govern are still linted', async () => {
    workspace = makeWorkspace(
      {
        'good/deck.md': SPELLING_DECK,
        'bad/deck.md': SPELLING_DECK,
        'bad/.isdeckrc.json': '{\n  "rules": {\n    "bullet-limits": { "options": { "maxBullets": "7" } }\n  }\n}\n',
      },
      SPELLING_AND_FRONT_MATTER,
    );
    const { code, stdout, stderr } = await runCli(['lint', '-f', 'json'], { cwd: workspace.root });
    expect(code).toBe(2);
    expect(stderr).toBe('isdeck: bad/.isdeckrc.json:3: rules.bullet-limits.options.maxBullets: expected number, received string "7"\n');
    expect(parseJsonReport(stdout).map((item) => item.file)).toEqual(['good/deck.md']);
  });

  it('honours inline isdeck-disable comments', async () => {
    const deck = '---\nmarp: true\ntheme: improvement-service\n---\n\n<!-- isdeck-disable-next-line uk-spelling -->\nThe color is fine.\n\n<!-- isdeck-disable uk-spelling -->\nA program.\n<!-- isdeck-enable uk-spelling -->\n\nThe center.\n';
    workspace = makeWorkspace({ 'deck.md': deck }, SPELLING_AND_FRONT_MATTER);
    const { stdout } = await runCli(['lint', '-f', 'json', 'deck.md'], { cwd: workspace.root });
    expect(where(parseJsonReport(stdout))).toEqual(['deck.md uk-spelling 13:5']);
  });

  it('a missing file among good ones: the others are linted and reported, exit 2', async () => {
    workspace = makeWorkspace({ 'deck.md': NO_FRONT_MATTER }, SPELLING_AND_FRONT_MATTER);
    const { code, stdout, stderr } = await runCli(['lint', '-f', 'json', 'missing.md', 'deck.md'], { cwd: workspace.root });
    expect(code).toBe(2);
    expect(stderr).toBe('isdeck: missing.md: no such file or folder\n');
    expect(where(parseJsonReport(stdout))).toEqual(['deck.md front-matter 1:1']);
  });

  it('says so when no deck is found, exit 0', async () => {
    workspace = makeWorkspace({ 'readme.md': '# Hello\n' });
    const { code, stdout, stderr } = await runCli(['lint', '-f', 'json'], { cwd: workspace.root });
    expect(code).toBe(0);
    expect(stdout).toBe('[]\n');
    expect(stderr).toMatch(/^isdeck: no Marp decks found/);
    expect(existsSync(workspace.path('readme.md'))).toBe(true);
  });
});
