import type { MarpOptions } from '@marp-team/marp-core';
import katexPlugin from '@marp-team/marp-core/plugins/katex';

/**
 * The one set of Marp options the deck parser and the house renderer share, so that line
 * numbers, directives and slide breaks agree between the validator and what is drawn.
 * Raw HTML is off (a deck cannot inject markup; `html: true` in the configuration draws Marp's
 * allowlist); math is on (`$…$` and `$$…$$`, read by marp-core's KaTeX plugin, `mathPlugin`
 * below; money such as `$5 and $10` stays prose by Marp's own rules); emoji stay characters
 * (`:smile:` becomes 😄) instead of Twemoji pictures loaded from a CDN, so every output draws
 * them without a network request and keeps them as text; and Marp's runtime script is off
 * (the preview's Content-Security-Policy allows no scripts).
 */
export const HOUSE_MARP_OPTIONS: MarpOptions = {
  html: false,
  math: true,
  emoji: { shortcode: true, unicode: true },
  script: false,
};

/** KaTeX's settings: an error draws the TeX in red instead of throwing; no `\\href`, no HTML. */
const KATEX_OPTIONS = {
  throwOnError: false,
  // Unicode text in math draws as written, without a console warning a formula.
  strict: 'ignore',
  trust: false,
  // A deck cannot make a rule 500em wide or expand a macro forever.
  maxSize: 50,
  maxExpand: 1000,
} as const;

/**
 * The math plugin (marp-core's KaTeX) the deck parser and the house renderer share: the parser
 * only tokenises `$…$` and `$$…$$` (KaTeX is loaded when a formula is drawn). Its fonts are
 * embedded by src/core/render/math.ts.
 */
export function mathPlugin() {
  return katexPlugin({ options: KATEX_OPTIONS, fontPath: false });
}
