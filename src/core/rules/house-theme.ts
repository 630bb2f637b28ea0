import { z } from 'zod';
import { themeDirective } from '../deck/house-deck';
import { HOUSE_THEME } from '../deck/front-matter';
import { defineRule } from './rule';

export default defineRule({
  id: 'house-theme',
  description: 'A deck in another theme than the house theme is said to be so once: the house rules skip it, and only the rules for any Marp deck check it.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'any',
  options: z.object({}),
  check(context) {
    const skipped = context.skippedRules.length;
    if (skipped === 0) return;
    const theme = themeDirective(context.deck);
    if (!theme) return;
    context.report({
      message: `Not a house deck (theme \`${theme.value}\`): ${skipped} house rule${skipped === 1 ? '' : 's'} skipped; the rules for any Marp deck still apply. Set \`theme: ${HOUSE_THEME}\` to check it against the house structure.`,
      range: theme.range,
    });
  },
});
