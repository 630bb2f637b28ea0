import { escapeControlCharacters } from '../core/report/control-characters';
import { allRules } from '../core/rules';
import type { Rule } from '../core/rules/rule';
import { EXIT_OK, parseCommandArgs, UsageError, type CliIo, type Command } from './command';

const USAGE = `Usage: isdeck rules

Lists every rule: its id, its default severity, whether --fix can repair what it reports, and what it checks.
Turn a rule off or change its severity in .isdeckrc.json / .isdeckrc.yaml (see docs/cli.md).
`;

/** The first line of a description, white space collapsed. */
function oneLine(description: string): string {
  const line = description.trim().split(/\r?\n/)[0] ?? '';
  return escapeControlCharacters(line.replace(/\s+/g, ' '));
}

const HEADER = ['RULE', 'DEFAULT', 'FIXABLE', 'CHECKS'];

/**
 * `id  severity  fixable  description` rows with aligned columns, under a header. Rendered rules'
 * descriptions already end with "(with `--render`)" (the configuration schema and SARIF show them too).
 */
export function formatRuleList(rules: readonly Rule[]): string {
  const rows = [HEADER, ...rules.map((rule) => [rule.id, rule.defaultSeverity, rule.fixable ? 'yes' : 'no', oneLine(rule.description)])];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return rows.map(line).join('\n') + '\n';
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the rules with their default severity',
  usage: USAGE,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs('rules', args, { help: { type: 'boolean', short: 'h' } } as const);
    if (values.help) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument '${positionals[0]}'`, 'rules');
    }
    io.stdout(formatRuleList(allRules));
    return EXIT_OK;
  },
};
