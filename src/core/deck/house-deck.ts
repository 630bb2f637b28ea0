/**
 * Whether a deck is a house deck: one isdeck draws in the house theme, and so one the house
 * rules apply to. A deck that names another theme (`default`, `gaia`, `uncover`, a theme of its
 * own) is a foreign deck: it is checked only by the rules that make sense for any Marp deck.
 */
import { distance } from 'fastest-levenshtein';
import { HOUSE_THEME } from './front-matter';
import type { Deck, Directive } from './types';

/** A theme name this close to the house theme's is taken for a typo of it (`improvment-service`). */
const MAX_THEME_TYPO_DISTANCE = 2;

/** The `theme` directive Marp obeys: the last one written (front-matter or comment). */
export function themeDirective(deck: Deck): Directive | undefined {
  return deck.directives.findLast((directive) => directive.name === 'theme');
}

/**
 * A deck without a theme is drawn in the house theme by isdeck, and a misspelt house theme is
 * still meant as the house theme (the `front-matter` rule reports both): both are house decks.
 */
export function isHouseDeck(deck: Deck): boolean {
  const theme = themeDirective(deck)?.value.trim();
  return theme === undefined || theme === '' || distance(theme.toLowerCase(), HOUSE_THEME) <= MAX_THEME_TYPO_DISTANCE;
}
