import { describe, expect, it } from 'vitest';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'spectrum-stage-fit';

describe('spectrum-stage-fit', () => {
  it('reports, at 4:3, each stage whose word is wider than its chevron at the house minimum, and a stage too long to fit', () => {
    expect(problemsOf(lintFixture(RULE, 'narrow'), RULE).map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'warning',
        range: [28, 1, 28, 15],
        message:
          'With 6 stages at 4:3, the word "Empowerment" is wider than the stage even at 11 pt, so it is broken inside: shorten the stage, split the word yourself, or use fewer stages.',
      },
      {
        rule: RULE,
        severity: 'warning',
        range: [36, 1, 36, 44],
        message:
          'With 6 stages at 4:3, the words "Decentralisation", "interdisciplinarity" are wider than the stage even at 11 pt, so they are broken inside: shorten the stage, split the word yourself, or use fewer stages.',
      },
      {
        rule: RULE,
        severity: 'warning',
        range: [49, 1, 49, 496],
        message: expect.stringMatching(/^With 4 stages at 4:3, "Improve existing arrangements .*" needs more lines than the stage holds even at 11 pt, so it runs out of the stage: /),
      },
    ]);
  });

  it('accepts the same stages at 16:9, where the chevrons are wider, except the paragraph', () => {
    expect(problemsOf(lintFixture(RULE, 'wide'), RULE).map((problem) => problem.range.line)).toEqual([49]);
  });

  it('accepts the seed deck spectrum at both sizes, and checks only spectrum slides', () => {
    const stages = '## The Reform Spectrum\n\n1. Improve Existing Arrangements\n2. Core Vs Non Core\n3. Sector Reform\n4. Co-production\n';
    for (const size of ['16:9', '4:3']) {
      expect(problemsOf(lintString(`---\nmarp: true\ntheme: improvement-service\nsize: ${size}\n---\n\n<!-- _class: spectrum -->\n\n${stages}`), RULE)).toEqual([]);
    }
    expect(problemsOf(lintString('<!-- _class: content -->\n\n## Words\n\n1. Interdisciplinarity\n2. Decentralisation\n3. a\n4. b\n5. c\n6. d\n'), RULE)).toEqual([]);
  });

  it('leaves a spectrum slide without stages to spectrum-stages', () => {
    expect(problemsOf(lintString('<!-- _class: spectrum -->\n\n## No stages\n\nJust a paragraph.\n'), RULE)).toEqual([]);
  });
});
