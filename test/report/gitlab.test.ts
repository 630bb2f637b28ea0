import { describe, expect, it } from 'vitest';
import { gitlab } from '../../src/core/report/gitlab';
import type { Problem } from '../../src/core/rules/rule';
import { FORMAT_OPTIONS, sampleResults } from './results';

describe('gitlab formatter', () => {
  it('prints Code Quality issues: description, check_name, fingerprint, severity, location', () => {
    expect(JSON.parse(gitlab(sampleResults(), FORMAT_OPTIONS))).toEqual([
      {
        description: '100% wrong:\nline two <b>&"\'',
        check_name: 'front-matter',
        fingerprint: '8aa622016a7ca317531fd86896c62c09',
        severity: 'major',
        location: { path: 'decks/a, v2.md', lines: { begin: 1 } },
      },
      {
        description: 'Too many bullets',
        check_name: 'bullet-limits',
        fingerprint: '0d06bc43a0230ddc1d9d2adc2700b1c2',
        severity: 'minor',
        location: { path: 'decks/b.md', lines: { begin: 3 } },
      },
      {
        description: '`color` is a US spelling: use `colour`.',
        check_name: 'uk-spelling',
        fingerprint: '229a7aa475a06a4fa2a9bc1523b865f4',
        severity: 'minor',
        location: { path: 'decks/b.md', lines: { begin: 3 } },
      },
      {
        description: 'The slide has no title: add one `##` heading.',
        check_name: 'slide-title',
        fingerprint: 'f7becfacda7195ca77b7d6c62ed593da',
        severity: 'major',
        location: { path: 'decks/b.md', lines: { begin: 12 } },
      },
    ]);
  });

  it('keeps a fingerprint stable across column changes and runs, and unique for repeated problems', () => {
    const problem = (column: number): Problem => ({
      ruleId: 'uk-spelling',
      severity: 'warning',
      message: 'US spelling',
      range: { line: 4, column, endLine: 4, endColumn: column + 3 },
      fix: undefined,
    });
    const fingerprints = (problems: Problem[]) =>
      (JSON.parse(gitlab([{ file: 'a.md', problems }], FORMAT_OPTIONS)) as Array<{ fingerprint: string }>).map((issue) => issue.fingerprint);
    const [alone] = fingerprints([problem(1)]);
    expect(fingerprints([problem(9)])).toEqual([alone]);
    const twice = fingerprints([problem(1), problem(9)]);
    expect(twice[0]).toBe(alone);
    expect(new Set(twice).size).toBe(2);
    expect(fingerprints([{ ...problem(1), range: { line: 5, column: 1, endLine: 5, endColumn: 2 } }])).not.toEqual([alone]);
  });

  it('prints an empty array when there is nothing to report', () => {
    expect(gitlab([], FORMAT_OPTIONS)).toBe('[]\n');
  });
});
