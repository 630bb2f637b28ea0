import { escapeXmlControlCharacters } from './control-characters';
import { ordered } from './order';
import type { Formatter } from './types';

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold, control characters among them
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an element's content. */
export function escapeXmlText(text: string): string {
  return escapeXmlControlCharacters(text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Escapes text for a double-quoted attribute; line breaks and tabs survive as character references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * JUnit XML. One `<testsuite>` per file, one `<testcase>` per problem (named `RULE at LINE:COL`)
 * with a `<failure>` whose `type` is the severity; a file without problems has one passing
 * `<testcase name="isdeck">`, so every linted deck shows in the report.
 */
export const junit: Formatter = (results) => {
  const files = ordered(results);
  const total = files.reduce((sum, result) => sum + Math.max(result.problems.length, 1), 0);
  const failures = files.reduce((sum, result) => sum + result.problems.length, 0);
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<testsuites name="isdeck" tests="${total}" failures="${failures}" errors="0">\n`;
  for (const result of files) {
    const file = escapeXmlAttribute(result.file);
    const count = result.problems.length;
    xml += `  <testsuite name="${file}" tests="${Math.max(count, 1)}" failures="${count}" errors="0" skipped="0">\n`;
    if (count === 0) xml += `    <testcase classname="${file}" name="isdeck"/>\n`;
    for (const problem of result.problems) {
      const { line, column } = problem.range;
      const name = escapeXmlAttribute(`${problem.ruleId} at ${line}:${column}`);
      xml += `    <testcase classname="${file}" name="${name}">\n`;
      xml += `      <failure type="${problem.severity}" message="${escapeXmlAttribute(problem.message)}">`;
      xml += escapeXmlText(`${result.file}:${line}:${column}: ${problem.severity}: ${problem.message} (${problem.ruleId})`);
      xml += '</failure>\n';
      xml += '    </testcase>\n';
    }
    xml += '  </testsuite>\n';
  }
  xml += '</testsuites>\n';
  return xml;
};
