/**
 * docs/house-structure.md, the project's statement of the house structure, agrees with the
 * code: its tables list exactly the rules (with their default severities and what their pages
 * say is fixable), the slide types, the report formats and the exit codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../../src/cli/command';
import { SLIDE_TYPES } from '../../src/core/slide-types';
import { FORMAT_NAMES } from '../../src/core/report';
import { allRules } from '../../src/core/rules';
import { PROJECT_ROOT } from '../helpers/cli';

const DOC = readFileSync(join(PROJECT_ROOT, 'docs/house-structure.md'), 'utf8');

/** The body of section `## N. …`, up to the next `## ` heading. */
function section(number: number): string {
  const start = DOC.search(new RegExp(`^## ${number}\\. `, 'm'));
  expect(start, `a "## ${number}." section`).toBeGreaterThanOrEqual(0);
  const rest = DOC.slice(start + 3);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The cells of every table row in `text` whose first cell is code (`` `x` ``) or a number. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => /^\| (`[^`]+`|\d+) \|/.test(line))
    .map((line) => line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
}

const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

/** What a rule's own page says after `Fixable:` on its header line. */
function fixableOnRulePage(id: string): string | undefined {
  const page = readFileSync(join(PROJECT_ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
  return /Fixable: ([^·\n]+?)\s*(?:·|$)/m.exec(page)?.[1];
}

describe('docs/house-structure.md', () => {
  it('§4 lists exactly the rules of allRules, in order, with their default severities', () => {
    const table = rows(section(4)).map(([id, severity]) => [unquote(id!), severity]);
    expect(table).toEqual(allRules.map((rule) => [rule.id, rule.defaultSeverity]));
  });

  it('§4 says what is fixable as each rule’s own page does', () => {
    for (const [id, , fixable] of rows(section(4))) {
      expect(fixable, unquote(id!)).toBe(fixableOnRulePage(unquote(id!)));
    }
  });

  it('§3 lists exactly the slide types', () => {
    expect(rows(section(3)).map(([type]) => unquote(type!))).toEqual([...SLIDE_TYPES]);
  });

  it('§5 lists exactly the report formats and the exit codes', () => {
    const table = rows(section(5));
    expect(table.filter(([first]) => first!.startsWith('`')).map(([name]) => unquote(name!))).toEqual(FORMAT_NAMES);
    expect(table.filter(([first]) => /^\d+$/.test(first!)).map(([code]) => Number(code))).toEqual([EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE]);
  });
});
