import { join } from 'node:path';
import type { ResolvedConfig } from '../config/schema';
import type { Deck } from '../deck/types';
import type { PageSource } from '../export/pdf';
import { drawnProblems, loadDocument } from '../export/drawn-checks';
import { NO_REMOTE, startNetworkSession, type NetworkPolicy, type NetworkSession, type RefusedRequest } from '../export/network';
import { renderStandaloneHtml } from '../render/render';
import type { Problem } from '../rules/rule';
import { renderedRulesOn } from './rendered-rules';

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
