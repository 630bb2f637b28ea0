import type { FileResult, FormatOptions } from '../../src/core/report';
import { allRules } from '../../src/core/rules';
import type { Fix, Problem, Severity } from '../../src/core/rules/rule';

const FIX: Fix = { description: 'Use UK spelling', edits: [{ range: { line: 3, column: 5, endLine: 3, endColumn: 10 }, newText: 'colour' }] };

function problem(ruleId: string, severity: Severity, message: string, [line, column, endLine, endColumn]: number[], fix?: Fix): Problem {
  return { ruleId, severity, message, range: { line: line!, column: column!, endLine: endLine!, endColumn: endColumn! }, fix };
}

/**
 * Hand-made results, deliberately out of order: files unsorted, problems unsorted, two problems
 * at one position (sorted by rule id), a file name with a comma and a space, a message with
 * `%`, a line break, a colon and XML's special characters, and a file without problems.
 */
export function sampleResults(): FileResult[] {
  return [
    {
      file: 'decks/b.md',
      problems: [
        problem('slide-title', 'error', 'The slide has no title: add one `##` heading.', [12, 1, 12, 20]),
        problem('uk-spelling', 'warning', '`color` is a US spelling: use `colour`.', [3, 5, 3, 10], FIX),
        problem('bullet-limits', 'warning', 'Too many bullets', [3, 5, 3, 10]),
      ],
    },
    { file: 'decks/clean.md', problems: [] },
    {
      file: 'decks/a, v2.md',
      problems: [problem('front-matter', 'error', '100% wrong:\nline two <b>&"\'', [1, 1, 1, 4])],
    },
  ];
}

export const FORMAT_OPTIONS: FormatOptions = {
  color: false,
  rules: allRules,
  version: '9.9.9',
  srcRoot: 'file:///home/author/project/',
};
