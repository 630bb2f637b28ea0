import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncrementalDeckParser } from '../../src/core/deck/incremental';
import { parseDeck } from '../../src/core/deck/parse';
import { generateDeck } from '../../scripts/bench/corpus.mjs';

const ROOT = join(__dirname, '..', '..');
const SEED = readFileSync(join(ROOT, 'decks/masterclass-2010-03-24.md'), 'utf8');

/** A small deterministic generator, so a failure names the step that broke and reproduces. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

type Edit = (lines: string[], pick: (below: number) => number) => void;

const EDITS: Record<string, Edit> = {
  'type a word': (lines, pick) => {
    const at = pick(lines.length);
    lines[at] = `${lines[at]} word`;
  },
  'delete a line': (lines, pick) => void lines.splice(pick(lines.length), 1),
  'add a slide break': (lines, pick) => void lines.splice(pick(lines.length), 0, '', '---', '', '## New slide', ''),
  'open a fence': (lines, pick) => void lines.splice(pick(lines.length), 0, '```'),
  'close a fence': (lines, pick) => void lines.splice(pick(lines.length), 0, '```', ''),
  'join a line to the next': (lines, pick) => {
    const at = pick(lines.length - 1);
    lines.splice(at, 2, `${lines[at]}${lines[at + 1]}`);
  },
  'change a class': (lines, pick) => void lines.splice(pick(lines.length), 0, '', `<!-- ${pick(2) ? '_' : ''}class: models -->`, ''),
  'open a comment': (lines, pick) => void lines.splice(pick(lines.length), 0, '<!--'),
  'indent a line': (lines, pick) => {
    const at = pick(lines.length);
    lines[at] = `  ${lines[at]}`;
  },
  'add a heading': (lines, pick) => void lines.splice(pick(lines.length), 0, '## Heading'),
  'set a header': (lines, pick) => void lines.splice(pick(lines.length), 0, '', `<!-- ${pick(2) ? '_' : ''}${pick(2) ? 'header' : 'footer'}: Part **${pick(9)}** -->`, ''),
  'write a formula': (lines, pick) => void lines.splice(pick(lines.length), 0, '', `Cost $x^${pick(9)}$ in total`, ''),
  'open a math block': (lines, pick) => void lines.splice(pick(lines.length), 0, '$$'),
};

describe('IncrementalDeckParser', () => {
  const decks: Record<string, string> = {
    'the seed deck': SEED,
    'a generated 60-slide deck': generateDeck(60, 3),
    'the seed deck with CRLF and a BOM': `\uFEFF${SEED.replace(/\n/g, '\r\n')}`,
  };
  for (const [name, text] of Object.entries(decks)) {
    it(`gives the same model as a full parse after each of 150 random edits to ${name}`, () => {
      const parser = new IncrementalDeckParser();
      const pick = random(name.length);
      const editNames = Object.keys(EDITS);
      let lines = text.split(/\r?\n/);
      const newline = text.includes('\r\n') ? '\r\n' : '\n';
      expect(parser.parse(text, 'deck.md')).toEqual(parseDeck(text, 'deck.md'));
      for (let step = 0; step < 150; step++) {
        const editName = editNames[pick(editNames.length)]!;
        lines = [...lines];
        EDITS[editName]!(lines, pick);
        const current = lines.join(newline);
        const incremental = parser.parse(current, 'deck.md');
        const full = parseDeck(current, 'deck.md');
        expect(incremental, `step ${step}: ${editName}`).toEqual(full);
      }
    });
  }

  it('parses a new file from scratch', () => {
    const parser = new IncrementalDeckParser();
    parser.parse(SEED, 'a.md');
    const other = generateDeck(10, 1);
    expect(parser.parse(other, 'b.md')).toEqual(parseDeck(other, 'b.md'));
  });
});
