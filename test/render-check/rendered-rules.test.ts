import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from '../helpers/cli';
import { browser, needTools } from '../helpers/tools';

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'render-check');
const chromium = needTools([browser]);

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}

async function lintRendered(paths: string[], cwd = PROJECT_ROOT, extra: string[] = ['--render']) {
  const result = await runCli(['lint', ...paths, ...extra, '--format', 'json'], { cwd, timeoutMs: 90_000 });
  return { ...result, problems: JSON.parse(result.stdout || '[]') as JsonProblem[] };
}

describe.skipIf(chromium.skip)('isdeck lint --render (real Chromium)', () => {
  beforeAll(chromium.assertPresent);
  const work = mkdtempSync(join(tmpdir(), 'isdeck-render-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reports content that runs off the slide at the slide’s first line, saying by how much', async () => {
    const { code, problems } = await lintRendered(['test/fixtures/render-check/overflow.md']);
    expect(code).toBe(1);
    expect(problems.map(({ line, column, rule, severity }) => ({ line, column, rule, severity }))).toEqual([
      { line: 18, column: 1, rule: 'slide-overflow', severity: 'error' },
    ]);
    expect(problems[0]?.message).toMatch(/^Content runs past the edge of the slide by \d+ px \(“ABERDEEN_CITY_COUNCIL_REVENUE_AND_CAPITAL_OUTTURN…”\): shorten the slide or split it in two\.$/);
  });

  it('reports text drawn under 18 px as a warning at the slide’s first line', async () => {
    const { code, problems } = await lintRendered(['test/fixtures/render-check/tiny-text.md']);
    expect(code).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 22, column: 1, rule: 'min-font-size', severity: 'warning' });
    expect(problems[0]?.message).toBe(
      'Text is drawn at 12 px (“Text this small cannot be read from the back of a…”), under the 18 px minimum: cut the slide\'s text so it needs no shrinking, or split the slide.',
    );
  });

  it('reports a low-contrast colour set by a directive, with the ratio axe-core measured', async () => {
    const { code, problems } = await lintRendered(['test/fixtures/render-check/low-contrast.md']);
    expect(code).toBe(1);
    expect(problems).toEqual([
      {
        file: 'test/fixtures/render-check/low-contrast.md',
        line: 20,
        column: 1,
        endLine: 20,
        endColumn: 13,
        rule: 'contrast',
        severity: 'error',
        message: '“Grey on white fails contrast.” has a contrast of 2.16:1 (#b0b0b0 on #ffffff); WCAG 2.2 AA needs 3:1: use the theme\'s colours or darken the text.',
        fixable: false,
      },
    ]);
  });

  it('finds nothing in the clean template; without --render the rendered rules stay quiet', async () => {
    const rendered = await lintRendered(['decks/template.md']);
    expect(rendered).toMatchObject({ code: 0, problems: [] });
    const plain = await lintRendered(['test/fixtures/render-check/low-contrast.md'], PROJECT_ROOT, []);
    expect(plain).toMatchObject({ code: 0, problems: [] });
  });

  it('turns on with `render: true` in .isdeckrc.json, honours the option and an inline disable', async () => {
    copyFileSync(join(FIXTURES, 'tiny-text.md'), join(work, 'tiny-text.md'));
    writeFileSync(join(work, '.isdeckrc.json'), JSON.stringify({ root: true, render: true, rules: { 'min-font-size': { options: { minPx: 10 } } } }));
    expect((await lintRendered(['tiny-text.md'], work, [])).problems).toEqual([]);
    writeFileSync(join(work, '.isdeckrc.json'), JSON.stringify({ root: true, render: true }));
    expect((await lintRendered(['tiny-text.md'], work, [])).problems.map((problem) => problem.rule)).toEqual(['min-font-size']);
    const lowContrast = readFileSync(join(FIXTURES, 'low-contrast.md'), 'utf8');
    writeFileSync(join(work, 'low-contrast.md'), lowContrast.replace('<!-- _color', '<!-- isdeck-disable contrast -->\n\n<!-- _color'));
    expect((await lintRendered(['low-contrast.md'], work, [])).problems).toEqual([]);
  });

  it('without a browser: one clear message, exit 2, and the static problems still reported', async () => {
    const { code, stderr, problems } = await lintRendered(['test/fixtures/render-check/overflow.md'], PROJECT_ROOT, ['--render', '--browser-path', '/nonexistent/chrome']);
    expect(code).toBe(2);
    expect(stderr).toContain('isdeck: the rendered checks need a browser: No browser at the given browser path /nonexistent/chrome');
    expect(problems).toEqual([]);
  });
});
