import type { SourceRange } from '../deck/types';
import { PROJECT_HOME, ruleDocsUrl, type Severity } from '../rules/rule';
import { escapeJsonControlCharacters } from './control-characters';
import { ordered } from './order';
import type { Formatter } from './types';

export const SRCROOT = '%SRCROOT%';

/** A relative path as a URI reference: each segment percent-encoded, forward slashes kept. */
export function pathToUriReference(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** SARIF requires 1-based positions and an end not before the start; a range from a rule bug must not make the whole log invalid. */
function region(range: SourceRange) {
  const startLine = Math.max(1, range.line);
  const startColumn = Math.max(1, range.column);
  const endLine = Math.max(startLine, range.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, range.endColumn) : Math.max(1, range.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function level(severity: Severity): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/**
 * SARIF 2.1.0, one run. The driver lists the whole rule catalogue (so `ruleIndex` is stable
 * between runs) with each rule's default level; each result points at its file relative to
 * `%SRCROOT%` (the working folder). Columns count UTF-16 code units, as the deck model does.
 */
export const sarif: Formatter = (results, options) => {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const sarifResults = ordered(results).flatMap((result) =>
    result.problems.map((problem) => {
      const index = ruleIndex.get(problem.ruleId);
      return {
        ruleId: problem.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: level(problem.severity),
        message: { text: problem.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: pathToUriReference(result.file), uriBaseId: SRCROOT },
              region: region(problem.range),
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'isdeck',
            version: options.version,
            semanticVersion: options.version,
            informationUri: PROJECT_HOME,
            rules: options.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: level(rule.defaultSeverity) },
            })),
          },
        },
        ...(options.srcRoot === undefined ? {} : { originalUriBaseIds: { [SRCROOT]: { uri: options.srcRoot } } }),
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${escapeJsonControlCharacters(JSON.stringify(log, null, 2))}\n`;
};
