import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { fixText } from '../../src/core/lint/fix';
import { allRules } from '../../src/core/rules';
import { corpusDecks } from '../fuzz/corpus';
import { lintOptions } from '../helpers/lint';
import { missingChunks, protectedChunks, skeleton } from '../helpers/protected';

/**
 * Over every deck in the repository (rule fixtures, render fixtures, the Marp-feature corpus,
 * decks/, and test/fixtures/prose/protected.md, written to put US spellings everywhere they
 * must stay): --fix changes prose only.
 */
describe('--fix changes prose only, on every deck in the repository', () => {
  const decks = corpusDecks();
  const textRules = { ...lintOptions(), rules: allRules.filter((rule) => rule.id === 'uk-spelling') };

  it('covers the corpus, the protected-spans deck included', () => {
    expect(decks.map((deck) => deck.name)).toContain('test/fixtures/prose/protected.md');
    expect(decks.length).toBeGreaterThan(40);
  });

  for (const { name, text } of decks) {
    it(name, () => {
      const fixedByText = fixText(text, undefined, textRules).text;
      expect(skeleton(parseDeck(fixedByText)), 'with the text rules, everything but prose is byte for byte the same').toBe(skeleton(parseDeck(text)));
      const fixed = fixText(text, undefined, lintOptions()).text;
      expect(missingChunks(protectedChunks(text), fixed), 'with every rule, code, styles, images, math, tags and addresses are kept').toEqual([]);
    });
  }

  it('the protected-spans deck: its prose was fixed, nothing else', () => {
    const text = decks.find((deck) => deck.name === 'test/fixtures/prose/protected.md')!.text;
    const fixed = fixText(text, undefined, textRules).text;
    expect(fixed).toContain('# The colour of the centre');
    expect(fixed).toContain('## Colour and centre in prose');
    expect(fixed).toContain('>The colour here is shown</span>');
    expect(fixed).toContain('are prose, as is colour.');
    expect(fixed).toContain('- **Behaviour** – analysing the colour of the neighbourhood centre');
    for (const kept of ['section.center { color: #123; text-align: center; }', 'background-color: #fff; --color-background: #eee', '![center w:700 color](pictures/color-center.png)', 'style="color: red" class="center" title="behavior"', '`color: red`', 'https://example.org/color?center=1', '$\\text{color}_{center}$', '<!-- _color: center -->', '| `behavior` |']) {
      expect(fixed).toContain(kept);
    }
  });
});
