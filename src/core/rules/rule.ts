import type { z } from 'zod';
import type { Deck, SourceRange } from '../deck/types';

export type Severity = 'error' | 'warning';

/** A replacement of the text in `range` (end exclusive) by `newText`; an empty range inserts. */
export interface TextEdit {
  range: SourceRange;
  newText: string;
}

/** A mechanical repair, as data: the CLI's `--fix`, the editor's quick fix and fix-all all apply it. */
export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface Problem {
  ruleId: string;
  severity: Severity;
  message: string;
  range: SourceRange;
  fix: Fix | undefined;
}

export interface Report {
  message: string;
  range: SourceRange;
  fix?: Fix;
}

/** What a rule may ask of the world beyond the deck text. Injected, so the core stays pure. */
export interface LintEnvironment {
  /** Absolute path of the folder local files must stay inside (the workspace). */
  workspaceRoot: string | undefined;
  fileExists(absolutePath: string): boolean;
}

export interface RuleContext<Options> {
  deck: Deck;
  options: Options;
  environment: LintEnvironment;
  report(report: Report): void;
}

export interface Rule<Schema extends z.ZodType = z.ZodType> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Options with their defaults; `z.object({})` for a rule without options. */
  options: Schema;
  /** Rules that need a browser run only with `--render`. */
  rendered?: boolean;
  check(context: RuleContext<z.output<Schema>>): void;
}

/** Types a rule definition against its own options schema. */
export function defineRule<Schema extends z.ZodType>(rule: Rule<Schema>): Rule<Schema> {
  return rule;
}

export const PROJECT_HOME = 'https://github.com/improvement-service/isdeck';

export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_HOME}/blob/main/docs/rules/${ruleId}.md`;
}
