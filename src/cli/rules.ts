import { escapeControlCharacters } from '../core/report/control-characters';
import { allRules } from '../core/rules';
import type { Rule } from '../core/rules/rule';
import { EXIT_OK, parseCommandArgs, UsageError, type CliIo, type Command } from './command';

const USAGE = `Usage: isdeck rules

Lists every rule: its id, its default severity and what it checks.
Turn a rule off or change its severity in .isdeckrc.json / .isdeckrc.yaml (see docs/cli.md).
`;

/** The first line of a description, white space collapsed. */
function oneLine(description: string): string {
  const line = description.trim().split(/\r?\n/)[0] ?? '';
  return escapeControlCharacters(line.replace(/\s+/g, ' '));
}

/** `id  severity  description` rows with aligned columns, under a header. */
export function formatRuleList(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => [rule.id, rule.defaultSeverity, oneLine(rule.description) + (rule.rendered ? ' (with --render)' : '')]);
  const header = ['RULE', 'DEFAULT', 'CHECKS'];
  const widths = [0, 1].map((column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`.trimEnd();
  return [header, ...rows].map(line).join('\n') + '\n';
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
