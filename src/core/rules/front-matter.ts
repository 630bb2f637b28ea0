import { z } from 'zod';
import { frontMatterSchema, HOUSE_THEME } from '../deck/front-matter';
import { isHouseDeck } from '../deck/house-deck';
import { lineContentRange, lineStart, rangeOf } from '../deck/source-text';
import type { Deck, FrontMatterEntry } from '../deck/types';
import { defineRule, type RuleContext } from './rule';

const HOUSE_FRONT_MATTER = `---\nmarp: true\ntheme: ${HOUSE_THEME}\n---\n\n`;

export default defineRule({
  id: 'front-matter',
  description: 'The deck starts with YAML front-matter that parses and sets `marp: true` and `theme: improvement-service`.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'any',
  options: z.object({}),
  check(context) {
    const { deck } = context;
    const frontMatter = deck.frontMatter;
    if (!frontMatter) {
      context.report({
        message: 'The deck has no front-matter: start the file with `---`, `marp: true`, `theme: improvement-service`, `---`.',
        range: lineStart(1),
        fix: { description: 'Insert the house front-matter', edits: [{ range: lineStart(1), newText: HOUSE_FRONT_MATTER }] },
      });
      return;
    }
    if (!frontMatter.closed) {
      context.report({
        message: 'The front-matter is never closed, so Marp reads the whole deck as YAML: add a `---` line after its last key.',
        range: rangeOf(1, 1, 1, (deck.lines[0] ?? '').length + 1),
      });
      return;
    }
    if (frontMatter.error) {
      context.report({ message: `The front-matter is not valid YAML: ${frontMatter.error.message}. Correct the YAML.`, range: frontMatter.error.range });
      return;
    }
    checkRequiredKey(context, 'marp', true, 'Marp only treats the file as a deck with `marp: true`');
    // A deck in another theme is not a house deck: `house-theme` says so once instead.
    if (isHouseDeck(deck)) checkRequiredKey(context, HOUSE_THEME_KEY, HOUSE_THEME, 'the house theme draws the tagline, footer and slide layouts');
    checkKnownKeys(context, deck);
  },
});

const HOUSE_THEME_KEY = 'theme';

function checkRequiredKey(context: RuleContext<unknown>, key: string, expected: unknown, why: string): void {
  const frontMatter = context.deck.frontMatter!;
  const entry = frontMatter.entries.find((candidate) => candidate.key === key);
  const wanted = `${key}: ${String(expected)}`;
  if (!entry) {
    const closing = frontMatter.range.endLine;
    context.report({
      message: `The front-matter has no \`${key}\`: add \`${wanted}\` (${why}).`,
      range: lineContentRange(context.deck.lines, closing),
      fix: { description: `Add \`${wanted}\``, edits: [{ range: lineStart(closing), newText: `${wanted}\n` }] },
    });
    return;
  }
  if (entry.value === expected) return;
  context.report({
    message: `\`${key}\` is \`${String(entry.value)}\`; set it to \`${String(expected)}\` (${why}).`,
    range: entry.valueRange,
    fix: { description: `Set \`${wanted}\``, edits: [{ range: entry.valueRange, newText: String(expected) }] },
  });
}

/** The keys the house structure reads must have the right shape (size, lang, …). */
function checkKnownKeys(context: RuleContext<unknown>, deck: Deck): void {
  const result = frontMatterSchema.safeParse(deck.frontMatter!.data);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key === 'marp' || key === HOUSE_THEME_KEY) continue;
    const entry: FrontMatterEntry | undefined = deck.frontMatter!.entries.find((candidate) => candidate.key === key);
    context.report({
      message: `Front-matter \`${key}\` ${issue.message}.`,
      range: entry?.valueRange ?? deck.frontMatter!.range,
    });
  }
}
