import { createHash } from 'node:crypto';
import { escapeJsonControlCharacters } from './control-characters';
import { ordered } from './order';
import type { Formatter } from './types';

/** One issue of a GitLab Code Quality report (the Code Climate subset GitLab reads). */
export interface GitLabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor';
  location: { path: string; lines: { begin: number } };
}

/**
 * GitLab Code Quality JSON. The fingerprint is the MD5 of file, rule, line and message, so it
 * stays the same between runs while the problem stays; two identical problems on one line
 * get a counter added so each fingerprint is unique, as GitLab requires. Errors are `major`,
 * warnings `minor`.
 */
export const gitlab: Formatter = (results) => {
  const seen = new Map<string, number>();
  const issues: GitLabIssue[] = ordered(results).flatMap((result) =>
    result.problems.map((problem) => {
      const key = [result.file, problem.ruleId, String(problem.range.line), problem.message].join('\0');
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        description: problem.message,
        check_name: problem.ruleId,
        fingerprint: createHash('md5').update(occurrence === 0 ? key : `${key}\0${occurrence}`).digest('hex'),
        severity: problem.severity === 'error' ? 'major' : 'minor',
        location: { path: result.file, lines: { begin: problem.range.line } },
      };
    }),
  );
  return `${escapeJsonControlCharacters(JSON.stringify(issues, null, 2))}\n`;
};
