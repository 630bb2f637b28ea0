import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_BUDGET_MS, exercise, type AdversarialCase } from './adversarial';

/**
 * One test a case: the deck is within the input limit, and lint, --fix, the editor's re-lint
 * and a render finish, together, within the budget.
 */
export function describeAdversarial(title: string, cases: readonly AdversarialCase[]): void {
  describe(title, () => {
    for (const adversarial of cases) {
      it(adversarial.name, { timeout: ADVERSARIAL_BUDGET_MS * 2 }, () => {
        const text = adversarial.deck();
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
        const times = exercise(text);
        const total = times.lint + times.fix + times.relint + times.render;
        expect(total, JSON.stringify(times)).toBeLessThan(ADVERSARIAL_BUDGET_MS);
      });
    }
  });
}
