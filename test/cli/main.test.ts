import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { configJsonSchema } from '../../src/core/config/json-schema';
import { allRules } from '../../src/core/rules';
import { PROJECT_ROOT, runCli } from '../helpers/cli';

const cwd = PROJECT_ROOT;

/** No stack trace ever reaches the user. */
function expectNoStackTrace(stderr: string) {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Error:/);
}

describe('isdeck (entry point)', () => {

  it('--help lists the commands on stdout, exit 0; the schema command stays hidden', async () => {
    const { code, stdout, stderr } = await runCli(['--help'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: isdeck <command> \[options\]/);
    expect(stdout).toMatch(/^ {2}lint {4}check decks against the house structure$/m);
    expect(stdout).toMatch(/^ {2}export {2}export decks to PDF, editable PowerPoint and HTML$/m);
    expect(stdout).toMatch(/^ {2}rules {3}list the rules/m);
    expect(stdout).not.toMatch(/^ {2}schema/m);
    expect((await runCli(['-h'], { cwd })).stdout).toBe(stdout);
    expect((await runCli(['help'], { cwd })).stdout).toBe(stdout);
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  it('a command\'s --help (or `isdeck help <command>`) prints its usage', async () => {
    const { code, stdout } = await runCli(['lint', '--help'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: isdeck lint \[options\] \[paths\.\.\.\]/);
    expect(stdout).toContain('--max-warnings N');
    expect((await runCli(['help', 'lint'], { cwd })).stdout).toBe(stdout);
  });

  it.each([
    [['frobnicate'], "isdeck: unknown command 'frobnicate'", 'Usage: isdeck <command>'],
    [['--frobnicate'], "isdeck: unknown option '--frobnicate'", 'Usage: isdeck <command>'],
    [['lint', '--frobnicate'], "isdeck: unknown option '--frobnicate'", 'Usage: isdeck lint'],
    [['lint', '--format'], 'isdeck: --format needs a value', 'Usage: isdeck lint'],
    [['lint', '--fix=yes'], 'isdeck: --fix takes no value', 'Usage: isdeck lint'],
    [['lint', '--format', 'xml'], "isdeck: unknown format 'xml' (use stylish, json, sarif, github, junit, gitlab)", 'Usage: isdeck lint'],
    [['lint', '--max-warnings', 'many'], "isdeck: --max-warnings needs a whole number of 0 or more, not 'many'", 'Usage: isdeck lint'],
    [['lint', '--fix', '-'], 'isdeck: --fix cannot be used with standard input (-)', 'Usage: isdeck lint'],
    [['rules', 'extra'], "isdeck: unexpected argument 'extra'", 'Usage: isdeck rules'],
    [['help', 'frobnicate'], "isdeck: unknown command 'frobnicate'", 'Usage: isdeck <command>'],
  ])('bad usage %j: one line and the usage on stderr, exit 2', async (args, message, usage) => {
    const { code, stdout, stderr } = await runCli(args, { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(message);
    expect(stderr).toContain(usage);
    expectNoStackTrace(stderr);
  });

  it('no command at all: usage on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await runCli([], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: isdeck <command>/);
  });

  it('`rules` lists every rule with its default severity, whether it is fixable, in aligned columns', async () => {
    const { code, stdout } = await runCli(['rules'], { cwd });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RULE +DEFAULT +FIXABLE +CHECKS$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(allRules.map((rule) => rule.id));
    const severityColumn = lines[0]!.indexOf('DEFAULT');
    const fixableColumn = lines[0]!.indexOf('FIXABLE');
    const descriptionColumn = lines[0]!.indexOf('CHECKS');
    lines.slice(1).forEach((line, index) => {
      const rule = allRules[index]!;
      expect(line.slice(severityColumn).startsWith(rule.defaultSeverity)).toBe(true);
      expect(line.slice(fixableColumn).startsWith(rule.fixable ? 'yes ' : 'no ')).toBe(true);
      expect(line[descriptionColumn - 1]).toBe(' ');
      expect(line[descriptionColumn]).not.toBe(' ');
      expect(line.split('--render').length - 1, line).toBe(rule.rendered ? 1 : 0);
    });
  });

  it('`schema` prints the configuration JSON schema', async () => {
    const { code, stdout } = await runCli(['schema'], { cwd });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(configJsonSchema());
  });
});
