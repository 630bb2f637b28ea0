import { describe, expect, it } from 'vitest';
import { UK_SPELLINGS, ukSpelling } from '../../src/core/rules/helpers/uk-spellings';
import { fixFixture, lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'uk-spelling';
const problem = (line: number, column: number, us: string, uk: string) => ({
  rule: RULE,
  severity: 'warning',
  range: [line, column, line, column + us.length],
  message: `\`${us}\` is a US spelling: use the UK spelling \`${uk}\`.`,
});

describe('uk-spelling', () => {
  it('reports each US spelling in prose at the word, keeping its case; not in code, comments, URLs or names', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      problem(18, 4, 'Organization', 'Organisation'),
      problem(18, 19, 'Behavior', 'Behaviour'),
      problem(20, 7, 'organization', 'organisation'),
      problem(20, 22, 'program', 'programme'),
      problem(20, 35, 'prioritize', 'prioritise'),
      problem(20, 46, 'neighborhood', 'neighbourhood'),
      problem(20, 59, 'centers', 'centres'),
      problem(21, 3, 'COLOR', 'COLOUR'),
      problem(21, 30, 'analyze', 'analyse'),
      problem(21, 38, 'behaviors', 'behaviours'),
      problem(21, 52, 'realized', 'realised'),
      problem(22, 3, 'Modeling', 'Modelling'),
      problem(22, 16, 'modeled', 'modelled'),
      problem(22, 38, 'canceled', 'cancelled'),
      problem(22, 53, 'traveling', 'travelling'),
      problem(32, 13, 'Center', 'Centre'),
      problem(32, 26, 'program', 'programme'),
      problem(32, 37, 'color', 'colour'),
    ]);
    expect(problems[0]?.fix).toEqual({
      description: 'Change `Organization` to `Organisation`',
      edits: [{ range: { line: 18, column: 4, endLine: 18, endColumn: 16 }, newText: 'Organisation' }],
    });
  });

  it('fixes every occurrence and re-lints clean', () => {
    const fixed = fixFixture(RULE, 'bad');
    const lines = fixed.text.split('\n');
    expect(lines[17]).toBe('## Organisation & Behaviour');
    expect(lines[19]).toBe("- The organisation's programme will prioritise neighbourhood centres");
    expect(lines[20]).toBe('- COLOUR-coded charts help us analyse behaviours; we realised this in 2010');
    expect(lines[22]).toBe('- Keep `color` in code, [a link](https://example.org/organization) and organization.org or my_color');
    expect(lines[28]).toBe('program color center');
    expect(problemsOf(fixed.problems, RULE)).toEqual([]);
  });

  it('leaves the words in `allow` alone, whatever their case', () => {
    const config = { rules: { [RULE]: { options: { allow: ['center', 'PROGRAM'] } } } };
    const words = problemsOf(lintFixture(RULE, 'bad', config), RULE).map((found) => found.message.split('`')[1]);
    expect(words).not.toContain('Center');
    expect(words).not.toContain('program');
    expect(words).toContain('color');
  });

  it('can be configured as an error', () => {
    const problems = problemsOf(lintString('## A\n\n- color\n', { rules: { [RULE]: 'error' } }), RULE);
    expect(problems.map((found) => found.severity)).toEqual(['error']);
  });

  it('accepts UK spellings', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });
});

describe('ukSpelling', () => {
  it.each([
    ['color', 'colour'],
    ['Color', 'Colour'],
    ['COLOR', 'COLOUR'],
    ['organizations', 'organisations'],
    ['organizational', 'organisational'],
    ['organize', 'organise'],
    ['organized', 'organised'],
    ['organizing', 'organising'],
    ['programs', 'programmes'],
    ['centered', 'centred'],
    ['colored', 'coloured'],
    ['behavioral', 'behavioural'],
    ['prioritized', 'prioritised'],
    ['prioritizing', 'prioritising'],
    ['recognized', 'recognised'],
    ['analyzed', 'analysed'],
    ['favorite', 'favourite'],
    ['honor', 'honour'],
    ['labor', 'labour'],
    ['neighbors', 'neighbours'],
    ['defense', 'defence'],
    ['catalog', 'catalogue'],
    ['dialog', 'dialogue'],
    ['fulfill', 'fulfil'],
    ['enrollment', 'enrolment'],
    ['optimize', 'optimise'],
    ['utilize', 'utilise'],
    ['summarize', 'summarise'],
    ['authorized', 'authorised'],
    ['authorization', 'authorisation'],
    ['stabilize', 'stabilise'],
    ['familiarize', 'familiarise'],
    ['Standardize', 'Standardise'],
  ])('%s → %s', (us, uk) => {
    expect(ukSpelling(us)).toBe(uk);
  });

  it.each(['programme', 'license', 'licence', 'judgment', 'humorous', 'laborious', 'honorary', 'colour', 'size', 'cOLOR'])(
    'leaves %s alone',
    (word) => {
      expect(ukSpelling(word)).toBeUndefined();
    },
  );

  it('maps only lower-case keys to different UK forms', () => {
    for (const [us, uk] of UK_SPELLINGS) {
      expect(us).toBe(us.toLowerCase());
      expect(uk).not.toBe(us);
      expect(UK_SPELLINGS.has(uk)).toBe(false);
    }
  });
});
