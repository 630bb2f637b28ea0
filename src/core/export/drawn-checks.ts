/**
 * The checks of the drawn slides (`slide-overflow`, `min-font-size`, `contrast`: the rules of
 * `isdeck lint --render`) on a page an exporter already holds, as export warnings.
 *
 * PDF export prints the very page it checks, so the checks cost a measurement of a page that
 * is laid out already, not a second drawing. HTML export draws the same document.
 */
import type { Page } from 'playwright-core';
import type { ResolvedConfig } from '../config/schema';
import type { Deck } from '../deck/types';
import { renderedRulesOn, runRenderedRules } from '../render-check/rendered-rules';
import { measureSlides } from '../render-check/measure';
import type { Problem } from '../rules/rule';
import type { ExportWarning, WarningCause } from './warnings';

/** Whether the configuration leaves any drawn check on (else there is nothing to measure). */
export function drawnChecksOn(config: ResolvedConfig): boolean {
  return renderedRulesOn(config).length > 0;
}

/** Loads a standalone document into a page and waits for its fonts. */
export async function loadDocument(page: Page, html: string, timeoutMs = 60_000): Promise<void> {
  await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Measures the slides drawn in `page` and runs the drawn checks the configuration leaves on. */
export async function drawnProblems(page: Page, deck: Deck, config: ResolvedConfig): Promise<Problem[]> {
  if (!drawnChecksOn(config)) return [];
  return runRenderedRules(deck, config, await measureSlides(page));
}

/** The drawn checks' problems as warnings: the rule is the cause, on the slide that holds the problem's line. */
export function drawnWarnings(deck: Deck, problems: readonly Problem[]): ExportWarning[] {
  return problems.map((problem) => {
    const slide = deck.slides.find((candidate) => candidate.range.line <= problem.range.line && problem.range.line <= candidate.range.endLine);
    return {
      source: 'drawn',
      // Every rendered rule is a registered cause (test/export/warnings.test.ts checks it).
      cause: problem.ruleId as WarningCause,
      slide: slide ? slide.index + 1 : undefined,
      line: problem.range.line,
      message: problem.message,
    };
  });
}
