import { describe, expect, it } from 'vitest';
import { corpusDecks } from './corpus';
import { runFuzz } from './fuzzer';

/** The short, seeded fuzz run of `npm test` (the long one is `npm run fuzz`). */
describe('fuzzer (short run)', () => {
  it('finds nothing in a few hundred mutated decks', { timeout: 120_000 }, () => {
    const run = runFuzz({ seed: 20261203, count: 300, timeMs: 25_000, corpus: corpusDecks().map((deck) => deck.text) });
    expect(run.decks).toBeGreaterThan(50);
    expect(run.findings.map((finding) => ({ seed: finding.seed, found: finding.found }))).toEqual([]);
  });
});
