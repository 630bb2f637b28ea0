import type { MarpOptions } from '@marp-team/marp-core';

/**
 * The one set of Marp options the deck parser and the house renderer share, so that line
 * numbers, directives and slide breaks agree between the validator and what is drawn.
 * Raw HTML is off (a deck cannot inject markup), math is off (a `$` in prose stays a `$`),
 * and Marp's runtime script is off (the preview's Content-Security-Policy allows no scripts).
 */
export const HOUSE_MARP_OPTIONS: MarpOptions = {
  html: false,
  math: false,
  script: false,
};
