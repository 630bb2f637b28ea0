import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/core/rules';
import { lintString, problemsOf, RULE_FIXTURES } from '../helpers/lint';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

/** The first ```markdown block after a line starting with `label`. */
function exampleAfter(doc: string, label: string): string | undefined {
  const at = doc.search(new RegExp(`^${label}`, 'm'));
  if (at < 0) return undefined;
  return /```+markdown\n([\s\S]*?)\n```+/.exec(doc.slice(at))?.[1];
}

describe('rule documentation', () => {
  for (const rule of allRules) {
    describe(rule.id, () => {
      const file = join(DOCS, `${rule.id}.md`);
      it('has a page that names the rule, its severity and a failing and a passing example', () => {
        expect(existsSync(file), file).toBe(true);
        const doc = readFileSync(file, 'utf8');
        expect(doc).toContain(`# \`${rule.id}\``);
        expect(doc).toContain(`**${rule.defaultSeverity}**`);
        expect(doc).toContain(`Applies to: ${rule.scope === 'any' ? 'any Marp deck' : 'house decks'}`);
        expect(doc).toMatch(/^Failing/m);
        expect(doc).toMatch(/^Passing/m);
      });

      // Rendered rules need a browser: test/render-check runs their examples' cases.
      it.skipIf(rule.rendered === true)("reports its failing example and, where the passing example is Markdown, not that", () => {
        const doc = readFileSync(file, 'utf8');
        const failing = exampleAfter(doc, 'Failing');
        expect(failing, 'a ```markdown block after "Failing"').toBeDefined();
        // Linted as if it stood beside the rule's fixtures, so relative image paths resolve there.
        const exampleFile = join(RULE_FIXTURES, rule.id, 'example.md');
        expect(problemsOf(lintString(failing!, undefined, exampleFile), rule.id).length).toBeGreaterThan(0);
        const passingAt = doc.search(/^Passing/m);
        const passing = /^Passing[^\n]*\n\n```+markdown\n([\s\S]*?)\n```+/m.exec(doc.slice(passingAt))?.[1];
        if (passing !== undefined) expect(problemsOf(lintString(passing, undefined, exampleFile), rule.id)).toEqual([]);
      });
    });
  }
});
