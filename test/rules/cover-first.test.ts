import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'cover-first';
/** Rules a colleague is still writing: the good deck is checked against every other rule. */
const ADVICE = 'a deck starts with a cover: make it `<!-- _class: cover -->` with series, date, deck title, presenter and organisation, or add a cover before it.';

describe(RULE, () => {
  it('reports a first slide that is not a cover, at its first content line', () => {
    expect(problemsOf(lintFixture(RULE, 'bad'), RULE).map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [8, 1, 8, 24], message: `The first slide is a \`content\` slide; ${ADVICE}` },
    ]);
  });

  it('names an unknown class as written', () => {
    const problems = problemsOf(lintFixture(RULE, 'unknown-type'), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [8, 1, 8, 28], message: `The first slide is a \`cuver\` slide; ${ADVICE}` },
    ]);
    expect(problems[0]?.fix).toBeUndefined();
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

  it('finds nothing in the seed deck or the template', () => {
    for (const deck of ['masterclass-2010-03-24.md', 'template.md']) {
      expect(problemsOf(lintString(readFileSync(join(__dirname, '..', '..', 'decks', deck), 'utf8')), RULE)).toEqual([]);
    }
  });
});
