import { join } from 'node:path';
import type { ResolvedConfig } from '../config/schema';
import type { Deck } from '../deck/types';
import type { PdfBrowser } from '../export/browser';
import { enabledSorted } from '../lint/lint';
import { renderStandaloneHtml } from '../render/render';
import { allRules } from '../rules';
import type { Problem, RenderedRule, SlideMeasurement } from '../rules/rule';
import { measureSlides } from './measure';

export interface RenderCheckOptions {
  browser: PdfBrowser;
  config: ResolvedConfig;
  /** The deck's file; relative images resolve against its folder (the working folder for stdin). */
  deckPath: string | undefined;
}

/**
 * Draws a deck once in the browser with the house renderer and runs the rendered rules
 * (`slide-overflow`, `min-font-size`, `contrast`) over what it measured. Problems are reported
 * at each slide's first content line and honour inline `isdeck-disable` comments.
 */
export async function renderedProblems(deck: Deck, options: RenderCheckOptions): Promise<Problem[]> {
  if (renderedRulesOn(options.config).length === 0) return [];
  const { html } = renderStandaloneHtml(deck.source, { deckPath: options.deckPath ?? join(process.cwd(), 'stdin.md') });
  const page = await options.browser.newPage();
  let measurements;
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    measurements = await measureSlides(page);
  } finally {
    await options.browser.release(page);
  }
  return runRenderedRules(deck, options.config, measurements);
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
  return enabledSorted(deck, problems);
}
