import { describe, expect, it } from 'vitest';
import { fixFixture, lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'front-matter';
const only = (name: string) => problemsOf(lintFixture(RULE, name), RULE);

describe('front-matter', () => {
  it('reports a deck without front-matter at the start of the file, with a fix that inserts the house front-matter', () => {
    const problems = only('missing');
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [1, 1, 1, 1],
        message: 'The deck has no front-matter: start the file with `---`, `marp: true`, `theme: improvement-service`, `---`.',
      },
    ]);
    expect(problems[0]?.fix?.edits).toEqual([
      { range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, newText: '---\nmarp: true\ntheme: improvement-service\n---\n\n' },
    ]);
    const fixed = fixFixture(RULE, 'missing');
    expect(fixed.text.startsWith('---\nmarp: true\ntheme: improvement-service\n---\n\n<!-- _class: cover -->\n')).toBe(true);
    expect(problemsOf(fixed.problems, RULE)).toEqual([]);
  });

  it('reports broken YAML at its line, without a fix and without throwing', () => {
    expect(only('broken-yaml').map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [4, 1, 4, 2],
        message: 'The front-matter is not valid YAML: Tabs are not allowed as indentation. Correct the YAML.',
      },
    ]);
    expect(only('broken-yaml')[0]?.fix).toBeUndefined();
  });

  it('reports a repeated key at the repeated line', () => {
    expect(only('duplicate-key').map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [4, 1, 4, 5], message: 'The front-matter is not valid YAML: Map keys must be unique. Correct the YAML.' },
    ]);
  });

  it('reports front-matter that is not a mapping', () => {
    expect(problemsOf(lintString('---\n- marp\n- theme\n---\n\n## A\n'), RULE).map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [2, 1, 2, 1],
        message: 'The front-matter is not valid YAML: Front-matter must be a YAML mapping of `key: value` lines. Correct the YAML.',
      },
    ]);
  });

  it('reports `marp: false` at its value and fixes it to `true`', () => {
    const problems = only('marp-false');
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [2, 7, 2, 12],
        message: '`marp` is `false`; set it to `true` (Marp only treats the file as a deck with `marp: true`).',
      },
    ]);
    expect(problems[0]?.fix).toEqual({
      description: 'Set `marp: true`',
      edits: [{ range: { line: 2, column: 7, endLine: 2, endColumn: 12 }, newText: 'true' }],
    });
    const fixed = fixFixture(RULE, 'marp-false');
    expect(fixed.text.split('\n')[1]).toBe('marp: true');
    expect(problemsOf(fixed.problems, RULE)).toEqual([]);
  });

  it('reports a wrong theme at its value and fixes it', () => {
    const problems = only('wrong-theme');
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [3, 8, 3, 26],
        message: '`theme` is `improvment-service`; set it to `improvement-service` (the house theme draws the tagline, footer and slide layouts).',
      },
    ]);
    const fixed = fixFixture(RULE, 'wrong-theme');
    expect(fixed.text.split('\n')[2]).toBe('theme: improvement-service');
    expect(problemsOf(fixed.problems, RULE)).toEqual([]);
  });

  it('reports a missing theme at the closing `---` and fixes it by adding the key', () => {
    const problems = only('missing-theme');
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [4, 1, 4, 4],
        message: 'The front-matter has no `theme`: add `theme: improvement-service` (the house theme draws the tagline, footer and slide layouts).',
      },
    ]);
    expect(problems[0]?.fix?.edits).toEqual([
      { range: { line: 4, column: 1, endLine: 4, endColumn: 1 }, newText: 'theme: improvement-service\n' },
    ]);
    const fixed = fixFixture(RULE, 'missing-theme');
    expect(fixed.text.split('\n').slice(0, 5)).toEqual(['---', 'marp: true', 'size: 16:9', 'theme: improvement-service', '---']);
    expect(problemsOf(fixed.problems, RULE)).toEqual([]);
  });

  it('reports `size: 16:10` at its value, without a fix', () => {
    const problems = only('size');
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [4, 7, 4, 12], message: 'Front-matter `size` must be `16:9` or `4:3`.' },
    ]);
    expect(problems[0]?.fix).toBeUndefined();
  });

  it('accepts the house front-matter', () => {
    expect(only('good')).toEqual([]);
  });

  it('can be turned off', () => {
    expect(problemsOf(lintFixture(RULE, 'missing', { rules: { [RULE]: 'off' } }), RULE)).toEqual([]);
  });

  it('reports front-matter that is never closed once, with no fix (Marp reads the whole deck as YAML)', () => {
    const problems = problemsOf(lintString('------\nmarp: true\ntheme: improvement-service\n---\n\n## Title\n\nText\n'), RULE);
    expect(problems.map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [1, 1, 1, 7],
        message: 'The front-matter is never closed, so Marp reads the whole deck as YAML: add a `---` line after its last key.',
      },
    ]);
    expect(problems[0]?.fix).toBeUndefined();
  });

});
