import { isHouseDeck } from '../deck/house-deck';
import { parseDeck } from '../deck/parse';
import type { Deck, InlineConfigComment } from '../deck/types';
import type { ResolvedConfig } from '../config/schema';
import type { LintEnvironment, Problem, Rule } from '../rules/rule';
import { allRules } from '../rules';

export interface LintOptions {
  config: ResolvedConfig;
  environment: LintEnvironment;
  rules?: readonly Rule[];
}

/** Runs every enabled static rule over one parsed deck; problems sorted by position, then rule id. */
export function lintDeck(deck: Deck, options: LintOptions): Problem[] {
  // A refused deck was not parsed: its refusal is the whole report (the CLI and the editor give it).
  if (deck.refused) return [];
  const problems: Problem[] = [];
  const enabled = (options.rules ?? allRules).flatMap((rule) => {
    const setting = options.config.rules.get(rule.id);
    return setting && setting.severity !== 'off' ? [{ rule, severity: setting.severity, options: setting.options }] : [];
  });
  // A foreign deck (another theme) is checked by the rules that make sense for any Marp deck.
  const skippedRules = isHouseDeck(deck) ? [] : enabled.filter(({ rule }) => rule.scope === 'house').map(({ rule }) => rule.id);
  for (const { rule, severity, options: ruleOptions } of enabled) {
    // Rendered rules need a browser: src/core/render-check runs them.
    if (rule.rendered || skippedRules.includes(rule.id)) continue;
    rule.check({
      deck,
      options: ruleOptions,
      environment: options.environment,
      skippedRules,
      rawHtml: options.config.html,
      report: ({ message, range, fix }) => problems.push({ ruleId: rule.id, severity, message, range, fix }),
    });
  }
  return enabledSorted(deck, problems);
}

export function lintText(text: string, file: string | undefined, options: LintOptions): { deck: Deck; problems: Problem[] } {
  const deck = parseDeck(text, file);
  return { deck, problems: lintDeck(deck, options) };
}

/** The problems that survive the deck's inline `isdeck-disable` comments, sorted. */
export function enabledSorted(deck: Deck, problems: Problem[]): Problem[] {
  return enabledProblems(deck.inlineConfig, sortProblems(problems));
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      a.range.line - b.range.line ||
      a.range.column - b.range.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );
}

/**
 * Applies `isdeck-disable` / `isdeck-enable` / `isdeck-disable-next-line` in source order, as
 * markdownlint does: a rule is off after the last `disable` naming it (or naming none) and
 * before the next `enable`. One sweep over the comments and the problems, both in line order.
 */
function enabledProblems(written: readonly InlineConfigComment[], sorted: Problem[]): Problem[] {
  if (written.length === 0) return sorted;
  const comments = [...written].sort((a, b) => a.line - b.line);
  const nextLine = new Map<number, InlineConfigComment[]>();
  for (const comment of comments) {
    if (comment.kind !== 'disable-next-line') continue;
    const list = nextLine.get(comment.line + 1);
    if (list) list.push(comment);
    else nextLine.set(comment.line + 1, [comment]);
  }
  const applies = (comment: InlineConfigComment, ruleId: string) => comment.rules.length === 0 || comment.rules.includes(ruleId);
  /** The last disable/enable comment read so far that names each rule, and the last naming none, with their order. */
  const byRule = new Map<string, { order: number; disabled: boolean }>();
  let everyRule = { order: -1, disabled: false };
  let next = 0;
  return sorted.filter((problem) => {
    for (; next < comments.length && comments[next]!.line <= problem.range.line; next++) {
      const comment = comments[next]!;
      if (comment.kind === 'disable-next-line') continue;
      const state = { order: next, disabled: comment.kind === 'disable' };
      if (comment.rules.length === 0) everyRule = state;
      else for (const rule of comment.rules) byRule.set(rule, state);
    }
    if (nextLine.get(problem.range.line)?.some((comment) => applies(comment, problem.ruleId))) return false;
    const own = byRule.get(problem.ruleId);
    return !(own && own.order > everyRule.order ? own.disabled : everyRule.disabled);
  });
}
