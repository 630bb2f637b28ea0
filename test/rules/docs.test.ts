import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRules } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/rule';
import { lintString, problemsOf, RULE_FIXTURES } from '../helpers/lint';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

/** The first ```markdown block after a line starting with `label`. */
function exampleAfter(doc: string, label: string): string | undefined {
  const at = doc.search(new RegExp(`^${label}`, 'm'));
  if (at < 0) return undefined;
  return /```+markdown\n([\s\S]*?)\n```+/.exec(doc.slice(at))?.[1];
}

/**
 * The page's header line: `Default severity: **error** · Options: none · Fixable: no · Applies to: house decks`,
 * with `Options:` naming each option in backticks, `Fixable: yes` optionally followed by what in
 * brackets, and `Runs with \`isdeck lint --render\`` before `Applies to` for a rendered rule.
 */
const HEADER = /^Default severity: \*\*(\w+)\*\* · Options: (.+?) · Fixable: (yes|no)(?: \([^)]+\))?( · Runs with `isdeck lint --render`)? · Applies to: (.+)$/m;

/** What the header line should say, from the rule's metadata. */
function expectedHeader(rule: Rule) {
  const options = rule.options instanceof z.ZodObject ? Object.keys(rule.options.shape) : [];
  return {
    severity: rule.defaultSeverity,
    options,
    fixable: rule.fixable ? 'yes' : 'no',
    rendered: rule.rendered === true,
    appliesTo: rule.scope === 'any' ? 'any Marp deck' : 'house decks',
  };
}

function headerOf(doc: string) {
  const match = HEADER.exec(doc);
  if (!match) return undefined;
  const [, severity, options, fixable, rendered, appliesTo] = match;
  return {
    severity,
    options: options === 'none' ? [] : [...(options ?? '').matchAll(/`(\w+)`/g)].map((name) => name[1]),
    fixable,
    rendered: rendered !== undefined,
    appliesTo,
  };
}

describe('rule documentation', () => {
  for (const rule of allRules) {
    describe(rule.id, () => {
      const file = join(DOCS, `${rule.id}.md`);
      it('has a page that names the rule, its header line as its metadata says, and a failing and a passing example', () => {
        expect(existsSync(file), file).toBe(true);
        const doc = readFileSync(file, 'utf8');
        expect(doc).toContain(`# \`${rule.id}\``);
        expect(headerOf(doc), 'the header line (Default severity · Options · Fixable · Applies to)').toEqual(expectedHeader(rule));
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
