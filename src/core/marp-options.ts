import type { MarpOptions } from '@marp-team/marp-core';

/**
 * The one set of Marp options the deck parser and the house renderer share, so that line
 * numbers, directives and slide breaks agree between the validator and what is drawn.
 * Raw HTML is off (a deck cannot inject markup); math is on (`$…$` and `$$…$$`, read by
 * marp-core's math plugin; money such as `$5 and $10` stays prose by Marp's own rules);
 * emoji stay characters (`:smile:` becomes 😄) instead of Twemoji pictures loaded from a
 * CDN, so every output draws them without a network request and keeps them as text; and
 * Marp's runtime script is off (the preview's Content-Security-Policy allows no scripts).
 */
export const HOUSE_MARP_OPTIONS: MarpOptions = {
  html: false,
  math: true,
  emoji: { shortcode: true, unicode: true },
  script: false,
};
