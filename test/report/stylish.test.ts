import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/core/report/stylish';
import { FORMAT_OPTIONS, sampleResults } from './results';

describe('stylish formatter', () => {
  it('groups by file with aligned columns and a summary', () => {
    expect(stylish(sampleResults(), FORMAT_OPTIONS)).toBe(
      [
        '',
        'decks/a, v2.md',
        '  1:1  error    100% wrong: line two <b>&"\'  front-matter',
        '',
        'decks/b.md',
        '   3:5  warning  Too many bullets                               bullet-limits',
        '   3:5  warning  `color` is a US spelling: use `colour`.        uk-spelling',
        '  12:1  error    The slide has no title: add one `##` heading.  slide-title',
        '',
        '✖ 4 problems (2 errors, 2 warnings)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for clean files', () => {
    expect(stylish([{ file: 'a.md', problems: [] }], FORMAT_OPTIONS)).toBe('');
  });

  it('uses singular words for one problem and leaves out the fixable line when nothing is fixable', () => {
    const output = stylish([sampleResults()[2]!], FORMAT_OPTIONS);
    expect(output).toContain('✖ 1 problem (1 error, 0 warnings)\n');
    expect(output).not.toContain('fixable');
  });

  it('colours only when asked (the CLI asks when standard output is a terminal)', () => {
    expect(stylish(sampleResults(), FORMAT_OPTIONS)).not.toMatch(/\u001b\[/);
    const coloured = stylish(sampleResults(), { ...FORMAT_OPTIONS, color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(stylish(sampleResults(), FORMAT_OPTIONS));
  });
});
