import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { deckProperties } from '../../src/core/deck/properties';

const COVER = '<!-- _class: cover -->\n\nSeries Name\n01/02/2026\n\n# Cover Title\n\nAnna Presenter\nThe Improvement Service\n';
const deckOf = (front: string, body = COVER, file?: string) => parseDeck(`---\nmarp: true\n${front}---\n\n${body}`, file);

describe('deckProperties', () => {
  it('reads the front-matter first', () => {
    expect(deckProperties(deckOf('title: "Front  Title"\nauthor: A. Writer\nlang: gd\nsize: "4:3"\nkeywords: [a, b, a]\n'))).toEqual({
      title: 'Front Title',
      author: 'A. Writer',
      subject: 'Series Name',
      organisation: 'The Improvement Service',
      keywords: ['a', 'b'],
      language: 'gd',
      size: '4:3',
    });
  });

  it('falls back on the cover, en-GB and 16:9', () => {
    expect(deckProperties(deckOf(''))).toEqual({
      title: 'Cover Title',
      author: 'Anna Presenter',
      subject: 'Series Name',
      organisation: 'The Improvement Service',
      keywords: ['Series Name', 'The Improvement Service'],
      language: 'en-GB',
      size: '16:9',
    });
    expect(deckProperties(deckOf('keywords: "x, y"\n')).keywords).toEqual(['x', 'y']);
  });

  it('takes the last lang directive, as Marp does, a comment one too', () => {
    expect(deckProperties(deckOf('lang: fr\n', `${COVER}\n<!-- lang: cy -->\n`)).language).toBe('cy');
  });

  it('names a deck without a cover by its first heading, its first slide title, its file, or "Presentation"', () => {
    expect(deckProperties(deckOf('', '## Second level\n\n# Top level\n')).title).toBe('Top level');
    expect(deckProperties(deckOf('', '## Only a slide title\n')).title).toBe('Only a slide title');
    expect(deckProperties(deckOf('', 'Just words.\n', '/decks/board-update.md')).title).toBe('board-update');
    expect(deckProperties(deckOf('', 'Just words.\n'), 'other.deck.md').title).toBe('other.deck');
    expect(deckProperties(deckOf('', 'Just words.\n')).title).toBe('Presentation');
    expect(deckProperties(deckOf('', 'Just words.\n')).author).toBeUndefined();
    expect(deckProperties(deckOf('', 'Just words.\n')).keywords).toEqual([]);
  });
});
