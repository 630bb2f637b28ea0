import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/core/config/load';
import { DeckBudgetError, MAX_EMOJI_RUN, MAX_SLIDES } from '../../src/core/deck/budgets';
import { IncrementalDeckParser } from '../../src/core/deck/incremental';
import { parseDeck } from '../../src/core/deck/parse';
import { fixText } from '../../src/core/lint/fix';
import { lintText } from '../../src/core/lint/lint';
import { renderDeck } from '../../src/core/render/render';
import { aliasBomb } from '../hardening/adversarial';
import { lintOptions } from '../helpers/lint';

const FRONT = '---\nmarp: true\ntheme: improvement-service\n---\n\n';

describe('comment text never goes into a regular expression', () => {
  it('keeps `C++: the language we used` as a presenter note: Marp knows no `C++` directive', () => {
    const deck = parseDeck(`${FRONT}## Languages\n\n<!-- C++: the language we used -->\n`);
    expect(deck.directives.filter((directive) => directive.origin === 'comment')).toEqual([]);
    expect(deck.slides[0]?.notes.map((note) => [note.text, note.range.line])).toEqual([['C++: the language we used', 8]]);
  });

  it('keeps `Q&A (10 mins` as a presenter note', () => {
    const deck = parseDeck(`${FRONT}## Agenda\n\nText\n\n<!-- Q&A (10 mins -->\n`);
    expect(deck.slides[0]?.notes.map((note) => note.text)).toEqual(['Q&A (10 mins']);
  });

  it('a note key written to make a backtracking pattern explode is read at once', () => {
    const key = `${'a'.repeat(40)}!`;
    const started = performance.now();
    const deck = parseDeck(`${FRONT}<!-- (${key}+)+$: x -->\n<!-- ${key}: y -->\n`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(deck.slides[0]?.notes.map((note) => note.text)).toEqual([`(${key}+)+$: x`, `${key}: y`]);
  });

  it('finds keys in flow mappings and without spaces', () => {
    const deck = parseDeck(`${FRONT}<!--_class: cover-->\n\n---\n\n<!-- { _class: content, paginate: true } -->\n`);
    const written = deck.directives.filter((directive) => directive.origin === 'comment');
    expect(written.map((directive) => [directive.name, directive.value, directive.range.line, directive.range.column])).toEqual([
      ['_class', 'cover', 6, 5],
      ['_class', 'content', 10, 8],
      ['paginate', 'true', 10, 25],
    ]);
  });
});

describe('content never makes the core throw', () => {
  it('a lone surrogate in a heading: parse, lint, fix and render all work', () => {
    const text = `${FRONT}## Title \ud800 here\n\nText \udc00 too\n`;
    expect(parseDeck(text).slides[0]?.title?.text).toBe('Title \ufffd here');
    expect(() => lintText(text, undefined, lintOptions())).not.toThrow();
    expect(fixText(text, undefined, lintOptions()).text).toContain('\ud800');
    expect(renderDeck(text).html).toContain('Title \ufffd here');
  });

  it('an alias with no anchor in front-matter is a front-matter problem, not an exception', () => {
    const { problems } = lintText('---\nmarp: true\ntheme: *missing\n---\n\n## Title\n\nText\n', undefined, lintOptions());
    expect(problems.find((problem) => problem.ruleId === 'front-matter')?.message).toBe(
      'The front-matter is not valid YAML: Unresolved alias (the anchor must be set before the alias): missing. Correct the YAML.',
    );
  });

  it('a directive whose value is a deeply aliased list is not expanded into text', () => {
    const lists = `header: &a0 [x, x, x, x, x, x, x, x, x, x]\nfooter: [${Array(10).fill('*a0').join(', ')}]\n`;
    const deck = parseDeck(`${FRONT}<!--\n${lists}-->\n\n## Title\n`);
    expect(deck.directives.find((directive) => directive.name === 'header')?.value).toBe('x x x x x x x x x x');
    expect(deck.directives.find((directive) => directive.name === 'footer')?.value).toBe('');
  });
});

describe('budgets: a deck past one is refused, unparsed, with the line where it ran out', () => {
  it(`more than ${MAX_SLIDES} slides`, () => {
    const text = FRONT + Array.from({ length: MAX_SLIDES + 5 }, (_, index) => `## ${index}\n`).join('\n---\n\n');
    const deck = parseDeck(text);
    expect(deck.slides).toEqual([]);
    expect(deck.refused).toEqual({
      message: 'the deck has more than 1,000 slides (counting every `---` slide break); split it into smaller decks',
      line: 4 + 4 * MAX_SLIDES,
    });
    expect(() => renderDeck(text)).toThrow(DeckBudgetError);
    expect(() => renderDeck(text)).toThrow(`line ${4 + 4 * MAX_SLIDES}: the deck has more than 1,000 slides`);
  });

  it(`exactly ${MAX_SLIDES} slides are read`, () => {
    const text = FRONT + Array.from({ length: MAX_SLIDES }, (_, index) => `## ${index}\n`).join('\n---\n\n');
    expect(parseDeck(text).slides).toHaveLength(MAX_SLIDES);
  });

  it('with headingDivider every heading counts as a slide break', () => {
    const text = `${FRONT}<!-- headingDivider: 2 -->\n\n${'## a\n\n'.repeat(MAX_SLIDES + 1)}`;
    expect(parseDeck(text).refused?.message).toMatch(/more than 1,000 slides/);
  });

  it('a YAML alias bomb in a comment, refused before Marp reads it', () => {
    const deck = parseDeck(`${FRONT}## Title\n\n<!--\n${aliasBomb(9)}-->\n`);
    expect(deck.refused).toEqual({ message: 'comment: YAML aliases expand past the limit of 100; write the values out instead of nesting `*aliases`', line: 8 });
  });

  it('a YAML alias bomb in front-matter', () => {
    const deck = parseDeck(`---\nmarp: true\n${aliasBomb(9)}---\n\n## Title\n`);
    expect(deck.refused).toEqual({ message: 'front-matter: YAML aliases expand past the limit of 100; write the values out instead of nesting `*aliases`', line: 1 });
  });

  it('a few aliases are fine', () => {
    const deck = parseDeck(`---\nmarp: true\ncolour: &brand navy\naccent: *brand\n---\n\n<!-- a: &x [1, 2]\nb: *x -->\n\n## Title\n`);
    expect(deck.refused).toBeUndefined();
    expect(deck.frontMatter?.data).toMatchObject({ colour: 'navy', accent: 'navy' });
  });

  it(`more than ${MAX_EMOJI_RUN} emoji with no space between them`, () => {
    const deck = parseDeck(`${FRONT}## Title\n\n${'😀'.repeat(MAX_EMOJI_RUN + 1)}\n`);
    expect(deck.refused).toEqual({ message: 'a line holds more than 5,000 emoji with no space between them; put spaces between them or split the line', line: 8 });
    expect(parseDeck(`${FRONT}## Title\n\n${'😀 '.repeat(MAX_EMOJI_RUN + 1)}\n`).refused).toBeUndefined();
  });

  it('lint and fix of a refused deck report nothing and change nothing; the editor’s parser refuses it too', () => {
    const text = `${FRONT}<!--\n${aliasBomb(9)}-->\n\ncolor\n`;
    expect(lintText(text, undefined, lintOptions()).problems).toEqual([]);
    expect(fixText(text, undefined, lintOptions())).toMatchObject({ text, applied: 0, refused: { line: 6 } });
    expect(new IncrementalDeckParser().parse(text).refused?.line).toBe(6);
  });

  it('a configuration file with an alias bomb is a configuration error, not an exception', () => {
    expect(() => parseConfigText(aliasBomb(9), '.isdeckrc.yaml')).toThrow(
      '.isdeckrc.yaml: YAML aliases expand past the limit of 100; write the values out instead of nesting `*aliases`',
    );
  });
});
