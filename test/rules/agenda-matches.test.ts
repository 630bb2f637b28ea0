import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'agenda-matches';
const ADVICE = 'matches no slide title or part title: word it as the title it announces, or add that slide.';

describe(RULE, () => {
  it('reports agenda items of the first agenda that match no slide or part title', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'warning', range: [25, 1, 25, 32], message: `The agenda item \`The Context for Co-Production\` ${ADVICE}` },
      { rule: RULE, severity: 'warning', range: [28, 1, 28, 8], message: `The agenda item \`Lunch\` ${ADVICE}` },
    ]);
    expect(problems.every((problem) => problem.fix === undefined)).toBe(true);
  });

  it('honours an inline disable comment, as the seed deck uses', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'rules', RULE, 'bad.md'), 'utf8');
    const disabled = text.replace('<!-- _class: cover -->\n\nElected Members Masterclass\n24/03/2010\n\n# Delivering Outcomes\n\n- The', '<!-- _class: cover -->\n<!-- isdeck-disable agenda-matches -->\n\nElected Members Masterclass\n24/03/2010\n\n# Delivering Outcomes\n\n- The');
    expect(disabled).not.toBe(text);
    expect(problemsOf(lintString(disabled), RULE)).toEqual([]);
  });

  it('finds nothing in a house deck', () => {
    const problems = lintFixture(RULE, 'good');
    expect(problemsOf(problems, RULE)).toEqual([]);
    expect(problems.map(summarise)).toEqual([]);
  });

  it('finds nothing in the seed deck (disabled there) or the template', () => {
    for (const deck of ['masterclass-2010-03-24.md', 'template.md']) {
      expect(problemsOf(lintString(readFileSync(join(__dirname, '..', '..', 'decks', deck), 'utf8')), RULE)).toEqual([]);
    }
  });
});
