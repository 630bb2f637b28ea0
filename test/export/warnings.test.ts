import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { drawnWarnings } from '../../src/core/export/drawn-checks';
import { describeGroup, describeWarning, type ExportWarning, groupWarnings, pictureWarnings, slideList, WARNING_CAUSES, warningKind } from '../../src/core/export/warnings';
import { allRules } from '../../src/core/rules';

const warning = (over: Partial<ExportWarning>): ExportWarning => ({
  source: 'pptx',
  cause: 'class-not-house-type',
  slide: 1,
  line: 3,
  message: 'Slide class `invert` is not a house slide type; exported as a content slide.',
  ...over,
});

describe('export warnings', () => {
  it('writes slide lists with ranges', () => {
    expect(slideList([2, 5, 6, 7, 8, 9])).toBe('2, 5–9');
    expect(slideList([1, 2, 4])).toBe('1, 2, 4');
    expect(slideList([3])).toBe('3');
    expect(slideList([])).toBe('');
  });

  it('groups one cause and message on many slides into one line, whatever the order', () => {
    const warnings = [9, 2, 5, 6, 7, 8].map((slide) => warning({ slide, line: slide * 10 }));
    const groups = groupWarnings(warnings);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ slides: [2, 5, 6, 7, 8, 9], line: 20, kind: 'changed' });
    expect(describeGroup(groups[0]!)).toBe('PPTX: slides 2, 5–9: Slide class `invert` is not a house slide type; exported as a content slide.');
  });

  it('keeps different causes and messages apart, and joins the formats that report the same', () => {
    const image = { cause: 'picture-left-out', message: 'The image `x.png` was not found, and was left out.', slide: 3, line: 12 } as const;
    const groups = groupWarnings([warning({ slide: 4 }), { ...image, source: 'html' }, { ...image, source: 'pdf' }, warning({ slide: 1, message: 'other' })]);
    expect(groups.map(describeGroup)).toEqual([
      'PPTX: slide 1: other',
      'PDF, HTML: slide 3: The image `x.png` was not found, and was left out.',
      'PPTX: slide 4: Slide class `invert` is not a house slide type; exported as a content slide.',
    ]);
    expect(groups.map((group) => group.line)).toEqual([3, 12, 3]);
  });

  it('names the rule of a drawn check, and says a deck-wide warning without a slide', () => {
    expect(describeWarning({ source: 'drawn', cause: 'slide-overflow', slide: 2, line: 9, message: 'Content runs into the footer band by 279 px.' })).toBe(
      'line 9: drawn slides: slide 2: Content runs into the footer band by 279 px. [slide-overflow]',
    );
    expect(describeWarning({ source: 'html', cause: 'picture-remote', slide: undefined, line: undefined, message: 'The image is a web address.' })).toBe('HTML: The image is a web address.');
  });

  it('gives every cause a kind; every drawn check is a cause of kind `checked`', () => {
    expect(warningKind({ cause: 'picture-left-out' })).toBe('left-out');
    expect(warningKind({ cause: 'request-refused' })).toBe('left-out');
    expect(warningKind({ cause: 'picture-remote' })).toBe('note');
    for (const rule of allRules.filter((candidate) => candidate.rendered)) {
      expect(WARNING_CAUSES[rule.id as keyof typeof WARNING_CAUSES]).toBe('checked');
    }
  });

  it('places picture warnings on the slides that show the picture, at its line: left out, or (in HTML) kept as a web address', () => {
    const deck = parseDeck('---\nmarp: true\n---\n\n## One\n\n![A](my%20pic.png)\n\n---\n\n## Two\n\n![B](<my pic.png>)\n\n![C](https://x.org/c.png)\n', '/d/deck.md');
    const pictures = [
      { path: 'my pic.png', kind: 'left-out', message: 'The image `my pic.png` was not found.' },
      { path: 'https://x.org/c.png', kind: 'remote', message: 'The image `https://x.org/c.png` is a web address.' },
    ] as const;
    const leftOut = (source: 'pdf' | 'html') => [
      { source, cause: 'picture-left-out', slide: 1, line: 7, message: 'The image `my pic.png` was not found.' },
      { source, cause: 'picture-left-out', slide: 2, line: 13, message: 'The image `my pic.png` was not found.' },
    ];
    // A PDF is printed once: its web requests are the network policy's to judge, not a note.
    expect(pictureWarnings(deck, 'pdf', pictures)).toEqual(leftOut('pdf'));
    expect(pictureWarnings(deck, 'html', pictures)).toEqual([
      ...leftOut('html'),
      { source: 'html', cause: 'picture-remote', slide: 2, line: 15, message: 'The image `https://x.org/c.png` is a web address.' },
    ]);
  });

  it('puts a drawn check’s problem on the slide that holds its line', () => {
    const deck = parseDeck('---\nmarp: true\n---\n\n## One\n\n---\n\n## Two\n\nText\n', '/d/deck.md');
    const range = { line: 9, column: 1, endLine: 9, endColumn: 7 };
    expect(drawnWarnings(deck, [{ ruleId: 'min-font-size', severity: 'warning', message: 'Small.', range, fix: undefined }])).toEqual([
      { source: 'drawn', cause: 'min-font-size', slide: 2, line: 9, message: 'Small.' },
    ]);
  });
});
