/**
 * The rendered rules over measurements of drawn slides: which the configuration leaves on,
 * and their problems. No browser here: the CLI's page, an export's page and the editor's
 * preview each measure, then call these.
 */
import type { ResolvedConfig } from '../config/schema';
import type { Deck } from '../deck/types';
import { enabledSorted } from '../lint/lint';
import { allRules } from '../rules';
import type { Problem, RenderedRule, SlideMeasurement } from '../rules/rule';

/** The rendered rules the configuration leaves on. */
export function renderedRulesOn(config: ResolvedConfig): RenderedRule[] {
  return allRules.filter((rule): rule is RenderedRule => rule.rendered === true && config.rules.get(rule.id)?.severity !== 'off');
}

/**
 * The rendered rules over measurements of a deck, whoever measured it (the CLI's browser or
 * the editor's preview), with the configured severities and options and the deck's inline
 * `isdeck-disable` comments.
 */
export function runRenderedRules(deck: Deck, config: ResolvedConfig, measurements: readonly SlideMeasurement[]): Problem[] {
  const problems: Problem[] = [];
  for (const rule of renderedRulesOn(config)) {
    const setting = config.rules.get(rule.id)!;
    const severity = setting.severity === 'off' ? 'warning' : setting.severity;
    rule.checkRendered({
      deck,
      options: setting.options,
      measurements,
      report: ({ message, range, fix }) => problems.push({ ruleId: rule.id, severity, message, range, fix }),
    });
  }
  return enabledSorted(deck, problems);
}
