import { describe, expect, it } from 'vitest';
import { checkDeck } from './fuzzer';
import { readRegressions } from './regressions';

/** Every deck the fuzzer ever found (test/fixtures/fuzz/), checked again: each now keeps every promise. */
describe('fuzz regressions', () => {
  const regressions = readRegressions();

  it('are kept', () => {
    expect(regressions.length).toBeGreaterThan(0);
  });

  for (const { name, regression } of regressions) {
    it(name, () => {
      expect(checkDeck(regression.text, regression.seed)).toEqual([]);
    });
  }
});
