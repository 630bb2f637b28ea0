import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/core/deck/parse';
import { escapeInline, newMasterclassDeck } from '../src/core/new-deck';
import { dateProblem, formatDate, newDeckFileName, newDeckProblems, partsProblem, type NewDeckInput } from '../src/core/new-deck-answers';
import { templateMarkdown } from '../src/core/slide-catalogue';
import content from '../src/core/slide-types/content';
import discussion from '../src/core/slide-types/discussion';
import { lintString, summarise } from './helpers/lint';

const answers: NewDeckInput = {
  series: 'Elected Members Masterclass',
  date: '24/03/2026',
  title: 'Co-production in Public Services',
  presenter: 'Jane Smith',
  organisation: 'The Improvement Service',
  parts: 1,
};

describe('newMasterclassDeck', () => {
  for (const parts of [1, 2, 3, 9]) {
    it(`writes a lint-clean deck of ${parts} part(s)`, () => {
      const markdown = newMasterclassDeck({ ...answers, parts });
      expect(lintString(markdown).map(summarise)).toEqual([]);
      const deck = parseDeck(markdown);
      expect(deck.parts).toHaveLength(parts);
      expect(deck.slides).toHaveLength(parts * 3);
      expect(deck.slides.map((slide) => slide.type)).toEqual(
        Array.from({ length: parts }, () => ['cover', 'content', 'discussion']).flat(),
      );
      const cover = deck.slides[0]!.cover!;
      expect(cover.series?.text).toBe(answers.series);
      expect(cover.date?.text).toBe(answers.date);
      expect(cover.deckTitle?.text).toBe(answers.title);
      expect(cover.presenter?.text).toBe(answers.presenter);
      expect(cover.organisation?.text).toBe(answers.organisation);
    });
  }

  it('writes each slide from its type’s template: the answers in its tab stops, its defaults elsewhere', () => {
    const slides = newMasterclassDeck({ ...answers, parts: 2 }).split('\n\n---\n\n');
    expect(slides).toHaveLength(6);
    expect(slides[0]).toMatch(/\n---\n\n<!-- _class: cover -->\n\nElected Members Masterclass\n24\/03\/2026\n\n# Co-production in Public Services\n\n- Introduction\n- Part 2\n\nJane Smith\nThe Improvement Service$/);
    expect(slides[1]).toBe(templateMarkdown(content.template).replace('## Slide title', '## Introduction'));
    expect(slides[2]).toBe(templateMarkdown(discussion.template));
    expect(slides[3]).toBe('<!-- _class: cover -->\n\nElected Members Masterclass\n24/03/2026\n\n# Co-production in Public Services\n\n## Part 2\n\nJane Smith\nThe Improvement Service');
    expect(slides[4]).toBe(templateMarkdown(content.template).replace('## Slide title', '## Part 2: Key Points'));
    expect(slides[5]).toBe(`${templateMarkdown(discussion.template)}\n`);
  });

  it('defaults the organisation and keeps answers with Markdown characters as text', () => {
    const markdown = newMasterclassDeck({
      ...answers,
      organisation: '',
      title: '# Costs & *Benefits* <b>[draft]</b>',
      presenter: '1. Jane_Smith',
      parts: 2,
    });
    expect(lintString(markdown).map(summarise)).toEqual([]);
    const cover = parseDeck(markdown).slides[0]!.cover!;
    expect(cover.organisation?.text).toBe('The Improvement Service');
    expect(cover.deckTitle?.text).toBe('# Costs & *Benefits* <b>[draft]</b>');
    expect(cover.presenter?.text).toBe('1. Jane_Smith');
    expect(markdown).toContain('title: "# Costs & *Benefits* <b>[draft]</b>"');
  });

  it('rejects bad answers with messages', () => {
    expect(() => newMasterclassDeck({ ...answers, date: '31/02/2026' })).toThrow(/not a calendar date/);
    expect(newDeckProblems({ ...answers, series: ' ', parts: 0 })).toEqual([
      'The series cannot be empty.',
      'The number of parts must be a whole number from 1 to 9.',
    ]);
  });
});

describe('answer checks', () => {
  it('checks dates, parts and names the file', () => {
    expect(dateProblem('24/03/2026')).toBeUndefined();
    expect(dateProblem('29/02/2024')).toBeUndefined();
    expect(dateProblem('29/02/2025')).toMatch(/not a calendar date/);
    expect(dateProblem('2026-03-24')).toMatch(/dd\/mm\/yyyy/);
    expect(partsProblem('3')).toBeUndefined();
    expect(partsProblem('1.5')).toMatch(/whole number/);
    expect(formatDate(new Date(2026, 2, 4))).toBe('04/03/2026');
    expect(newDeckFileName(answers)).toBe('masterclass-2026-03-24.md');
    expect(escapeInline('- a*b')).toBe('\\- a\\*b');
  });
});
