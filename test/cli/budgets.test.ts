import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { aliasBomb } from '../hardening/adversarial';
import { runCli } from '../helpers/cli';
import { HOUSE_DECK, makeWorkspace, parseJsonReport, type Workspace } from './workspace';

const FRONT = '---\nmarp: true\ntheme: improvement-service\n---\n\n';
const TOO_MANY_SLIDES = FRONT + Array.from({ length: 1001 }, (_, index) => `## Slide ${index}\n\ncolor\n`).join('\n---\n\n');
const BOMB = aliasBomb(9);
const SLIDES_LINE = 'the deck has more than 1,000 slides (counting every `---` slide break); split it into smaller decks';

/** A deck past a budget is one line on standard error naming file and line, exit 2; the other decks are still linted. */
describe('isdeck lint: budgets', () => {
  let workspace: Workspace | undefined;
  afterEach(() => workspace?.remove());

  it('more than 1,000 slides: one line with the file and the line of the slide break past the limit, exit 2', async () => {
    workspace = makeWorkspace({ 'big.md': TOO_MANY_SLIDES, 'good.md': HOUSE_DECK });
    const { code, stdout, stderr } = await runCli(['lint', '-f', 'json', 'big.md', 'good.md'], { cwd: workspace.root });
    expect(code).toBe(2);
    expect(stderr).toBe(`isdeck: big.md:${6 + 6 * 1000 - 2}: ${SLIDES_LINE}\n`);
    expect(parseJsonReport(stdout).map((item) => item.file)).toEqual([]);
  });

  it('--fix leaves a refused deck as it is', async () => {
    workspace = makeWorkspace({ 'big.md': TOO_MANY_SLIDES });
    const { code, stderr } = await runCli(['lint', '--fix', 'big.md'], { cwd: workspace.root });
    expect(code).toBe(2);
    expect(stderr).toBe(`isdeck: big.md:${6 + 6 * 1000 - 2}: ${SLIDES_LINE}\n`);
    expect(readFileSync(workspace.path('big.md'), 'utf8')).toBe(TOO_MANY_SLIDES);
  });

  it('a YAML alias bomb in a comment, from standard input: the line of the comment, quickly', async () => {
    workspace = makeWorkspace();
    const started = Date.now();
    const { code, stderr } = await runCli(['lint', '-'], { cwd: workspace.root, input: `${FRONT}## Title\n\n<!--\n${BOMB}-->\n` });
    expect(code).toBe(2);
    expect(stderr).toBe('isdeck: <stdin>:8: comment: YAML aliases expand past the limit of 100; write the values out instead of nesting `*aliases`\n');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a YAML alias bomb in the configuration file: one line naming it, exit 2', async () => {
    workspace = makeWorkspace({ 'deck.md': HOUSE_DECK, '.isdeckrc.yaml': `root: true\n${BOMB}` });
    rmSync(workspace.path('.isdeckrc.json'));
    const { code, stderr } = await runCli(['lint', 'deck.md'], { cwd: workspace.root });
    expect(code).toBe(2);
    expect(stderr).toBe('isdeck: .isdeckrc.yaml: YAML aliases expand past the limit of 100; write the values out instead of nesting `*aliases`\n');
  });
});
