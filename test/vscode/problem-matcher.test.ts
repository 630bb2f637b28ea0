/**
 * The `$isdeck` and `$isdeck-github` problem matchers the extension contributes, run against
 * the real `stylish` and `github` output of the formatters `isdeck lint` uses: every problem
 * lands with its file, position, severity, message and rule id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { github } from '../../src/core/report/github';
import { stylish } from '../../src/core/report/stylish';
import { allRules } from '../../src/core/rules';
import { lintString } from '../helpers/lint';

interface PatternSpec {
  regexp: string;
  [group: string]: string | number | boolean;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const matchers: { name: string; pattern: PatternSpec | PatternSpec[] }[] = manifest.contributes.problemMatchers;
const deckFile = join(__dirname, 'fixtures', 'bad-deck.md');
const problems = lintString(readFileSync(deckFile, 'utf8'));
const results = [
  { file: 'decks/bad-deck.md', problems },
  { file: 'decks/other deck.md', problems: problems.slice(0, 1) },
];
const options = { color: false, rules: allRules, version: '0.0.0', srcRoot: undefined };

interface Matched {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

/** VS Code's reading of a matcher: a one-line pattern, or a file line then looping rows. */
function match(name: string, output: string): Matched[] {
  const matcher = matchers.find((candidate) => candidate.name === name)!;
  const patterns = Array.isArray(matcher.pattern) ? matcher.pattern : [matcher.pattern];
  const found: Matched[] = [];
  const pick = (groups: RegExpExecArray, spec: PatternSpec, key: string) => groups[Number(spec[key])] ?? '';
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const last = patterns[patterns.length - 1]!;
    const row = new RegExp(last.regexp).exec(line);
    if (row && (patterns.length === 1 || file !== undefined)) {
      const spec = { ...patterns[0], ...last };
      found.push({
        file: file ?? pick(row, spec, 'file'),
        line: Number(pick(row, spec, 'line')),
        column: Number(pick(row, spec, 'column')),
        severity: pick(row, spec, 'severity'),
        code: pick(row, spec, 'code'),
        message: pick(row, spec, 'message'),
      });
      continue;
    }
    if (patterns.length > 1) {
      const head = new RegExp(patterns[0]!.regexp).exec(line);
      file = head ? pick(head, patterns[0]!, 'file') : file;
    }
  }
  return found;
}

function expected(): Matched[] {
  return results.flatMap((result) =>
    result.problems.map((problem) => ({
      file: result.file,
      line: problem.range.line,
      column: problem.range.column,
      severity: problem.severity,
      code: problem.ruleId,
      message: problem.message,
    })),
  );
}

describe('problem matchers', () => {
  it('the bad deck has problems of several rules to match', () => {
    expect(new Set(problems.map((problem) => problem.ruleId)).size).toBeGreaterThanOrEqual(3);
  });

  it('$isdeck reads the stylish output of `isdeck lint`', () => {
    const got = match('isdeck', stylish(results, options));
    expect(sortMatched(got)).toEqual(sortMatched(expected()));
  });

  it('$isdeck-github reads `isdeck lint --format github`', () => {
    // (A file name or message with `%`, `,` or `:` would arrive escaped, as GitHub writes it.)
    const got = match('isdeck-github', github(results, options));
    expect(sortMatched(got)).toEqual(sortMatched(expected()));
  });
});

function sortMatched(items: Matched[]): Matched[] {
  return [...items].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
