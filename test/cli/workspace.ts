import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ConfigFile } from '../../src/core/config/schema';
import { allRules } from '../../src/core/rules';
import type { JsonProblem } from '../../src/core/report/json';

/** A deck that follows the house structure: no problems with the default rules. */
export const HOUSE_DECK = `---
marp: true
theme: improvement-service
---

<!-- _class: cover -->

Elected Members Masterclass
24/03/2010

# Delivering Outcomes

Bob Christie
Improvement Service

---

## The Economic Context

- Public spending is falling in real terms
- Demand for services is rising

---

<!-- _class: discussion -->

## Group Discussion

What would co-production look like in your council?
`;

/** Front-matter and one line of prose: `color` (uk-spelling warning, fixable) on line 6, column 5. */
export const SPELLING_DECK = '---\nmarp: true\ntheme: improvement-service\n---\n\nThe color is fine.\n';

/** A Marp deck with a misspelt house theme: a front-matter error at the value, 3:8. */
export const WRONG_THEME_DECK = '---\nmarp: true\ntheme: improvment-service\n---\n\nThe colour is fine.\n';

/** No front-matter (so not found by a folder search): a front-matter error (fixable) at 1:1. */
export const NO_FRONT_MATTER = '## Title\n\nThe colour is fine.\n';

/**
 * A configuration with `root: true` that turns every rule off except those given: CLI tests
 * check the command line, not the rules, so they stay stable while rule bodies change.
 */
export function onlyRules(rules: Record<string, 'error' | 'warning'>): ConfigFile {
  return { root: true, rules: Object.fromEntries(allRules.map((rule) => [rule.id, rules[rule.id] ?? 'off'])) };
}

export const SPELLING_AND_FRONT_MATTER = onlyRules({ 'front-matter': 'error', 'uk-spelling': 'warning' });

export interface Workspace {
  root: string;
  path(relative: string): string;
  write(relative: string, content: string | Uint8Array): void;
  remove(): void;
}

/** A temporary folder with a `.git` folder (so it is the workspace root) and the given files. */
export function makeWorkspace(files: Record<string, string | Uint8Array> = {}, config: ConfigFile | undefined = { root: true }): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'isdeck-cli-'));
  mkdirSync(join(root, '.git'));
  const workspace: Workspace = {
    root,
    path: (relative) => join(root, relative),
    write(relative, content) {
      mkdirSync(dirname(join(root, relative)), { recursive: true });
      writeFileSync(join(root, relative), content);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  if (config) workspace.write('.isdeckrc.json', JSON.stringify(config, null, 2));
  for (const [relative, content] of Object.entries(files)) workspace.write(relative, content);
  return workspace;
}

type JsonItem = JsonProblem;

export function parseJsonReport(stdout: string): JsonItem[] {
  return JSON.parse(stdout) as JsonItem[];
}

/** `file rule line:column` of each item: compact and independent of message wording. */
export function where(items: readonly JsonItem[]): string[] {
  return items.map((item) => `${item.file} ${item.rule} ${item.line}:${item.column}`);
}
