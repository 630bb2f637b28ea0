import { describe, expect, it } from 'vitest';
import { json } from '../../src/core/report/json';
import { FORMAT_OPTIONS, sampleResults } from './results';

describe('json formatter', () => {
  it('prints one array of docs/house-structure.md §5 items: files sorted, problems by line, column, rule', () => {
    const output = json(sampleResults(), FORMAT_OPTIONS);
    expect(output.endsWith(']\n')).toBe(true);
    expect(JSON.parse(output)).toEqual([
      { file: 'decks/a, v2.md', line: 1, column: 1, endLine: 1, endColumn: 4, rule: 'front-matter', severity: 'error', message: '100% wrong:\nline two <b>&"\'', fixable: false },
      { file: 'decks/b.md', line: 3, column: 5, endLine: 3, endColumn: 10, rule: 'bullet-limits', severity: 'warning', message: 'Too many bullets', fixable: false },
      { file: 'decks/b.md', line: 3, column: 5, endLine: 3, endColumn: 10, rule: 'uk-spelling', severity: 'warning', message: '`color` is a US spelling: use `colour`.', fixable: true },
      { file: 'decks/b.md', line: 12, column: 1, endLine: 12, endColumn: 20, rule: 'slide-title', severity: 'error', message: 'The slide has no title: add one `##` heading.', fixable: false },
    ]);
  });

  it('keeps the documented key order and two-space indentation', () => {
    const output = json([sampleResults()[2]!], FORMAT_OPTIONS);
    expect(output).toBe(
      '[\n' +
        '  {\n' +
        '    "file": "decks/a, v2.md",\n' +
        '    "line": 1,\n' +
        '    "column": 1,\n' +
        '    "endLine": 1,\n' +
        '    "endColumn": 4,\n' +
        '    "rule": "front-matter",\n' +
        '    "severity": "error",\n' +
        '    "message": "100% wrong:\\nline two <b>&\\"\'",\n' +
        '    "fixable": false\n' +
        '  }\n' +
        ']\n',
    );
  });

  it('prints an empty array when there is nothing to report', () => {
    expect(json([], FORMAT_OPTIONS)).toBe('[]\n');
    expect(json([{ file: 'a.md', problems: [] }], FORMAT_OPTIONS)).toBe('[]\n');
  });

  it('does not reorder the caller\'s arrays', () => {
    const results = sampleResults();
    json(results, FORMAT_OPTIONS);
    expect(results[0]!.file).toBe('decks/b.md');
    expect(results[0]!.problems[0]!.ruleId).toBe('slide-title');
  });
});
