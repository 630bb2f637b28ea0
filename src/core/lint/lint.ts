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
  return sortProblems(problems.filter((problem) => isEnabledAt(deck, problem)));
}

export function lintText(text: string, file: string | undefined, options: LintOptions): { deck: Deck; problems: Problem[] } {
  const deck = parseDeck(text, file);
  return { deck, problems: lintDeck(deck, options) };
}

/** Whether a problem survives the deck's inline `isdeck-disable` comments. */
export function isEnabledAt(deck: Deck, problem: Problem): boolean {
  return !isDisabled(deck.inlineConfig, problem);
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

/** Applies `isdeck-disable` / `isdeck-enable` / `isdeck-disable-next-line` in source order, as markdownlint does. */
function isDisabled(comments: readonly InlineConfigComment[], problem: Problem): boolean {
  let disabled = false;
  for (const comment of comments) {
    if (comment.line > problem.range.line) break;
    const applies = comment.rules.length === 0 || comment.rules.includes(problem.ruleId);
    if (!applies) continue;
    if (comment.kind === 'disable-next-line') {
      if (comment.line + 1 === problem.range.line) return true;
    } else {
      disabled = comment.kind === 'disable';
    }
  }
  return disabled;
}
