import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI_PATH, PROJECT_ROOT } from '../helpers/cli';

const SCRIPT = join(PROJECT_ROOT, 'scripts', 'action', 'run.sh');

/** Runs the action's script as the action's lint step does: inputs as environment variables. */
function runAction(cwd: string, inputs: Record<string, string>) {
  const result = spawnSync('bash', [SCRIPT], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...inputs },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the GitHub Action (action.yml)', () => {
  const work = mkdtempSync(join(tmpdir(), 'isdeck-action-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  cpSync(join(PROJECT_ROOT, 'decks', 'template.md'), join(work, 'decks', 'template.md'));
  writeFileSync(
    join(work, 'decks', 'bad.md'),
    readFileSync(join(PROJECT_ROOT, 'decks', 'template.md'), 'utf8').replace('theme: improvement-service', 'theme: improvment-service').replace('## Group Discussion', '## Group discussion'),
  );

  it('runs the script the lint step runs, with the inputs it maps to environment variables', () => {
    const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { steps: { name?: string; run?: string; env?: Record<string, string> }[] };
    };
    const lint = action.runs.steps.find((step) => step.name === 'Lint decks');
    expect(lint?.run).toBe('bash "$GITHUB_ACTION_PATH/scripts/action/run.sh"');
    expect(Object.keys(lint?.env ?? {}).sort()).toEqual(
      ['ISDECK_EXPORT', 'ISDECK_EXPORT_DIR', 'ISDECK_MAX_WARNINGS', 'ISDECK_PATHS', 'ISDECK_RENDER', 'ISDECK_SARIF'].sort(),
    );
    expect(Object.keys(action.inputs).sort()).toEqual(['export', 'export-dir', 'max-warnings', 'paths', 'render', 'sarif-file']);
  });

  it('prints workflow annotations, writes SARIF, and fails when a deck has errors', () => {
    const { code, stdout } = runAction(work, { ISDECK_PATHS: 'decks', ISDECK_SARIF: 'report.sarif', ISDECK_CLI: `node ${CLI_PATH}` });
    expect(code).toBe(1);
    expect(stdout).toContain('::error file=decks/bad.md,line=3,col=8,endLine=3,endColumn=26,title=front-matter::');
    expect(stdout).toContain('::error file=decks/bad.md,');
    expect(stdout).not.toContain('file=decks/template.md');
    const sarif = JSON.parse(readFileSync(join(work, 'report.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toContain('front-matter');
  });

  it('passes a clean deck and exports it when asked, into the artefact folder', () => {
    const { code, stdout, stderr } = runAction(work, {
      ISDECK_PATHS: 'decks/template.md',
      ISDECK_SARIF: '',
      ISDECK_EXPORT: 'pptx,html',
      ISDECK_EXPORT_DIR: 'out',
      ISDECK_MAX_WARNINGS: '0',
      ISDECK_CLI: `node ${CLI_PATH}`,
    });
    expect(code, stderr).toBe(0);
    expect(stdout).not.toContain('::error');
    expect(readdirSync(join(work, 'out')).sort()).toEqual(['template.html', 'template.pptx']);
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('checks the decks among the staged Markdown files and leaves other Markdown alone', () => {
    const [hook] = parse(readFileSync(join(PROJECT_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string }[];
    expect(hook?.id).toBe('isdeck');
    const args = hook!.entry.split(' ').slice(1);
    expect(args).toEqual(['lint', '--decks-only']);
    const result = spawnSync(process.execPath, [CLI_PATH, ...args, 'README.md', 'docs/cli.md', 'decks/template.md'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });
});
