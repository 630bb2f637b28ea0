import { join } from 'node:path';
import type { ResolvedConfig } from '../config/schema';
import type { Deck } from '../deck/types';
import type { PageSource } from '../export/pdf';
import { drawnProblems, loadDocument } from '../export/drawn-checks';
import { NO_REMOTE, startNetworkSession, type NetworkPolicy, type NetworkSession, type RefusedRequest } from '../export/network';
import { isEnabledAt, sortProblems } from '../lint/lint';
import { renderStandaloneHtml } from '../render/render';
import { allRules } from '../rules';
import type { Problem, RenderedRule, SlideMeasurement } from '../rules/rule';

export interface RenderCheckOptions {
  /** Where the page comes from: a running browser, or the export's page source. */
  browser: PageSource;
  config: ResolvedConfig;
  /** The deck's file; relative images resolve against its folder (the working folder for stdin). */
  deckPath: string | undefined;
  /** The deck's standalone document, when already rendered. */
  html?: string;
  /** What the page may fetch (default: nothing from the network, see `export/network.ts`). */
  network?: NetworkPolicy;
  /** Told the requests the page made that were not answered (to report them). */
  onRefused?: (refused: RefusedRequest[]) => void;
}

/**
 * Draws a deck once in the browser with the house renderer and runs the rendered rules
 * (`slide-overflow`, `min-font-size`, `contrast`) over what it measured. Problems are reported
 * at each slide's first content line and honour inline `isdeck-disable` comments.
 */
export async function renderedProblems(deck: Deck, options: RenderCheckOptions): Promise<Problem[]> {
  if (renderedRulesOn(options.config).length === 0) return [];
  const html =
    options.html ?? renderStandaloneHtml(deck.source, { deckPath: options.deckPath ?? join(process.cwd(), 'stdin.md'), html: options.config.html }).html;
  const page = await options.browser.newPage();
  let network: NetworkSession | undefined;
  try {
    network = await startNetworkSession(page, options.network ?? NO_REMOTE);
    await loadDocument(page, html);
    return await drawnProblems(page, deck, options.config);
  } finally {
    const refused = network?.end() ?? [];
    if (refused.length > 0) options.onRefused?.(refused);
    if (network?.reusable === false || !options.browser.release) await page.close();
    else await options.browser.release(page);
  }
}

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
  return sortProblems(problems.filter((problem) => isEnabledAt(deck, problem)));
}
