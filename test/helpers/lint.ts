import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig, type ConfigFile } from '../../src/core/config/schema';
import { fixText } from '../../src/core/lint/fix';
import { lintText } from '../../src/core/lint/lint';
import { nodeEnvironment } from '../../src/core/lint/node-environment';
import { allRules } from '../../src/core/rules';
import type { Problem } from '../../src/core/rules/rule';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const RULE_FIXTURES = join(FIXTURES, 'rules');

export function lintOptions(config: ConfigFile = {}, workspaceRoot = FIXTURES) {
  return { config: resolveConfig(allRules, [config]), environment: nodeEnvironment(workspaceRoot) };
}

/** Lints a rule fixture (`test/fixtures/rules/<rule>/<name>.md`) with the default configuration. */
export function lintFixture(rule: string, name: string, config?: ConfigFile): Problem[] {
  const file = join(RULE_FIXTURES, rule, `${name}.md`);
  return lintText(readFileSync(file, 'utf8'), file, lintOptions(config)).problems;
}

export function lintString(text: string, config?: ConfigFile, file = join(FIXTURES, 'inline.md')): Problem[] {
  return lintText(text, file, lintOptions(config)).problems;
}

/** Only the problems of one rule. */
export function problemsOf(problems: Problem[], ruleId: string): Problem[] {
  return problems.filter((problem) => problem.ruleId === ruleId);
}

/** A compact, exact view of a problem for `toEqual`: id, severity, range as [line, column, endLine, endColumn], message. */
export function summarise(problem: Problem) {
  const { line, column, endLine, endColumn } = problem.range;
  return { rule: problem.ruleId, severity: problem.severity, range: [line, column, endLine, endColumn], message: problem.message };
}

/** Applies every fix to a fixture and returns the fixed text and what is left. */
export function fixFixture(rule: string, name: string, config?: ConfigFile) {
  const file = join(RULE_FIXTURES, rule, `${name}.md`);
  return fixText(readFileSync(file, 'utf8'), file, lintOptions(config));
}
