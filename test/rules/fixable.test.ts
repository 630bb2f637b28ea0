import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/core/rules';
import { lintFixture, problemsOf, RULE_FIXTURES } from '../helpers/lint';

/** The names of a rule's fixture decks (`test/fixtures/rules/<rule>/<name>.md`). */
function fixtureNames(ruleId: string): string[] {
  const folder = join(RULE_FIXTURES, ruleId);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length));
}

describe('`fixable` in rule metadata', () => {
  for (const rule of allRules.filter((candidate) => !candidate.rendered)) {
    it(`${rule.id}: fixable is ${rule.fixable}, and its fixtures ${rule.fixable ? 'get at least one fix' : 'get no fix'}`, () => {
      const names = fixtureNames(rule.id);
      expect(names.length, `fixtures in test/fixtures/rules/${rule.id}`).toBeGreaterThan(0);
      const fixed = names.flatMap((name) => problemsOf(lintFixture(rule.id, name), rule.id)).filter((problem) => problem.fix !== undefined);
      if (rule.fixable) expect(fixed.length).toBeGreaterThan(0);
      else expect(fixed).toEqual([]);
    });
  }
});
