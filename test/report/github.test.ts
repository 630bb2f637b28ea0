import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/core/report/github';
import { FORMAT_OPTIONS, sampleResults } from './results';

describe('github formatter', () => {
  it('prints one workflow command a problem, in order, escaped', () => {
    expect(github(sampleResults(), FORMAT_OPTIONS)).toBe(
      [
        '::error file=decks/a%2C v2.md,line=1,col=1,endLine=1,endColumn=4,title=front-matter::100%25 wrong:%0Aline two <b>&"\'',
        '::warning file=decks/b.md,line=3,col=5,endLine=3,endColumn=10,title=bullet-limits::Too many bullets',
        '::warning file=decks/b.md,line=3,col=5,endLine=3,endColumn=10,title=uk-spelling::`color` is a US spelling: use `colour`.',
        '::error file=decks/b.md,line=12,col=1,endLine=12,endColumn=20,title=slide-title::The slide has no title: add one `##` heading.',
        '',
      ].join('\n'),
    );
  });

  it('escapes as GitHub\'s toolkit does', () => {
    expect(escapeData('50% \r\n: ,')).toBe('50%25 %0D%0A: ,');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    // `%` first, so an escape is never escaped twice.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('prints nothing when there is nothing to report', () => {
    expect(github([{ file: 'a.md', problems: [] }], FORMAT_OPTIONS)).toBe('');
  });
});
