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
  /** The real path (symbolic links resolved) of what is at `absolutePath`, or undefined when nothing is. */
  realPath(absolutePath: string): string | undefined;
}

export interface RuleContext<Options> {
  deck: Deck;
  options: Options;
  environment: LintEnvironment;
  /** The rules not run on this deck because they check house decks only and it is not one (ids). */
  skippedRules: readonly string[];
  /** Whether raw HTML is drawn through Marp's allowlist (`html: true` in the configuration). */
  rawHtml: boolean;
  report(report: Report): void;
}

/**
 * Which decks a rule checks: `house` rules check the house structure and run on house decks
 * only (see `isHouseDeck`); `any` rules make sense for every Marp deck.
 */
export type RuleScope = 'house' | 'any';

interface RuleMeta<Schema extends z.ZodType> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule can report a `fix` (for `--fix`, quick fixes and the rule's page). */
  fixable: boolean;
  scope: RuleScope;
  /** Options with their defaults; `z.object({})` for a rule without options. */
  options: Schema;
}

/** A rule that reads the deck model: runs on every lint. */
export interface StaticRule<Schema extends z.ZodType = z.ZodType> extends RuleMeta<Schema> {
  rendered?: false;
  check(context: RuleContext<z.output<Schema>>): void;
}

/** What the browser measured on one slide, for the rendered rules. */
export interface SlideMeasurement {
  /** 0-based index into `Deck.slides` (Marp draws one section a slide, in order). */
  slide: number;
  /** Content that runs out of the slide's content box or into a band: what, where, by how many pixels. */
  overflow: { what: string; where: 'slide' | 'header' | 'footer'; by: number }[];
  /** Text drawn, with its size in CSS pixels at a 1280×720 slide. */
  text: { text: string; px: number }[];
  /** Text/background pairs below WCAG 2.2 AA, found by axe-core. */
  contrast: { text: string; ratio: number; required: number; foreground: string; background: string }[];
}

export interface RenderedRuleContext<Options> {
  deck: Deck;
  options: Options;
  measurements: readonly SlideMeasurement[];
  report(report: Report): void;
}

/** A rule that reads what a real browser drew: runs only with `--render`. */
export interface RenderedRule<Schema extends z.ZodType = z.ZodType> extends RuleMeta<Schema> {
  rendered: true;
  checkRendered(context: RenderedRuleContext<z.output<Schema>>): void;
}

export type Rule<Schema extends z.ZodType = z.ZodType> = StaticRule<Schema> | RenderedRule<Schema>;

/** Types a rule definition against its own options schema. */
export function defineRule<Schema extends z.ZodType>(rule: StaticRule<Schema>): StaticRule<Schema> {
  return rule;
}

export function defineRenderedRule<Schema extends z.ZodType>(rule: RenderedRule<Schema>): RenderedRule<Schema> {
  return rule;
}

export const PROJECT_HOME = 'https://github.com/improvement-service/isdeck';

export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_HOME}/blob/main/docs/rules/${ruleId}.md`;
}
