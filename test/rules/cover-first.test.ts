import { describe, expect, it } from 'vitest';
import { lintFixture, problemsOf, summarise } from '../helpers/lint';

const RULE = 'cover-first';
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

});
