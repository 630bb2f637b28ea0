import { describe, expect, it } from 'vitest';
import { slideInsertion } from '../../src/core/deck/insert-slide';
import { deckNavigation } from '../../src/core/deck/navigation';
import { parseDeck } from '../../src/core/deck/parse';

const DECK = [
  '---', // 1
  'marp: true',
  'theme: improvement-service',
  'title: Co-production',
  '---', // 5
  '',
  '<!-- _class: cover -->',
  '',
  'Elected Members Masterclass',
  '24/03/2026', // 10
  '',
  '# Co-production',
  '',
  'Jane Smith',
  'The Improvement Service', // 15
  '',
  '---',
  '',
  '## What it is',
  '', // 20
  '- A partnership',
  '',
  '<!-- Say who the co-producers are. -->',
  '',
  '---', // 25
  '',
  '<!-- _class: cover -->',
  '',
  'Elected Members Masterclass',
  '24/03/2026', // 30
  '',
  '# Co-production',
  '',
  '## Part Two',
  '', // 35
  'Jane Smith',
  'The Improvement Service',
  '',
  '---',
  '', // 40
  '<!-- _class: discussion -->',
  '',
  '## Group Discussion',
  '',
  'What could change?', // 45
  '',
].join('\n');

/** The deck with `text` put where `slideInsertion` says, for a cursor on `line`. */
function insertAt(source: string, line: number, text: string): string {
  const deck = parseDeck(source);
  const at = slideInsertion(deck, line);
  const lines = source.split('\n');
  const offset = lines.slice(0, at.line - 1).reduce((sum, item) => sum + item.length + 1, 0) + at.column - 1;
  return source.slice(0, offset) + at.before + text + at.after + source.slice(offset);
}

describe('deck navigation', () => {
  it('lists every slide with its title, type, range and first content line', () => {
    const { slides } = deckNavigation(parseDeck(DECK));
    expect(slides.map((slide) => [slide.index, slide.title, slide.kind, slide.range.line, slide.range.endLine, slide.anchor.line])).toEqual([
      [0, 'Co-production', 'cover', 1, 15, 9],
      [1, 'What it is', 'content', 17, 23, 19],
      [2, 'Part Two', 'cover', 25, 37, 29],
      [3, 'Group Discussion', 'discussion', 39, 45, 43],
    ]);
  });

  it('groups slides in parts as the PDF outline does: each part at its cover, its other slides beneath', () => {
    const { outline } = deckNavigation(parseDeck(DECK));
    expect(outline.map((part) => [part.title, part.slide.index, part.range.line, part.range.endLine, part.children.map((child) => child.title)])).toEqual([
      ['Co-production', 0, 1, 23, ['What it is']],
      ['Part Two', 2, 25, 45, ['Group Discussion']],
    ]);
  });

  it('gives a flat list of slides for a deck of one part without a title', () => {
    const { outline } = deckNavigation(parseDeck('---\nmarp: true\n---\n\n## One\n\n---\n\n## Two\n'));
    expect(outline.map((entry) => [entry.title, entry.children.length])).toEqual([
      ['One', 0],
      ['Two', 0],
    ]);
  });
});

describe('where a new slide goes', () => {
  it('after the slide the cursor is in, with its notes, never splitting it', () => {
    const result = insertAt(DECK, 21, '## New');
    expect(result.split('\n').slice(16, 30)).toEqual([
      '---',
      '',
      '## What it is',
      '',
      '- A partnership',
      '',
      '<!-- Say who the co-producers are. -->',
      '',
      '---',
      '',
      '## New',
      '',
      '---',
      '',
    ]);
    expect(parseDeck(result).slides[1]!.notes.map((note) => note.text)).toEqual(['Say who the co-producers are.']);
    expect(parseDeck(result).slides).toHaveLength(5);
  });

  it('after the first slide when the cursor is in the front-matter, and after the last at the end', () => {
    expect(slideInsertion(parseDeck(DECK), 2)).toMatchObject({ line: 15, column: 24, before: '\n\n---\n\n', slideIndex: 0, filled: false });
    expect(slideInsertion(parseDeck(DECK), 46)).toMatchObject({ line: 45, column: 19, slideIndex: 3, filled: false });
    expect(insertAt(DECK, 46, '## Last').endsWith('What could change?\n\n---\n\n## Last\n')).toBe(true);
  });

  it('fills an empty slide in place instead of adding one', () => {
    const source = '---\nmarp: true\n---\n\n## One\n\n---\n\n\n';
    expect(slideInsertion(parseDeck(source), 8)).toMatchObject({ line: 7, column: 4, before: '\n\n', after: '', slideIndex: 1, filled: true });
    expect(insertAt(source, 8, '## Two')).toBe('---\nmarp: true\n---\n\n## One\n\n---\n\n## Two\n\n\n');
    expect(insertAt('---\nmarp: true\n---\n', 4, '## One')).toBe('---\nmarp: true\n---\n\n## One\n');
    expect(insertAt('', 1, '## One')).toBe('## One\n');
  });
});
