import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, junit } from '../../src/core/report/junit';
import { FORMAT_OPTIONS, sampleResults } from './results';

describe('junit formatter', () => {
  it('writes a testsuite per file and a testcase per problem, escaped', () => {
    expect(junit(sampleResults(), FORMAT_OPTIONS)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="isdeck" tests="5" failures="4" errors="0">',
        '  <testsuite name="decks/a, v2.md" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase classname="decks/a, v2.md" name="front-matter at 1:1">',
        '      <failure type="error" message="100% wrong:&#10;line two &lt;b&gt;&amp;&quot;&apos;">decks/a, v2.md:1:1: error: 100% wrong:',
        'line two &lt;b&gt;&amp;"\' (front-matter)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="decks/b.md" tests="3" failures="3" errors="0" skipped="0">',
        '    <testcase classname="decks/b.md" name="bullet-limits at 3:5">',
        '      <failure type="warning" message="Too many bullets">decks/b.md:3:5: warning: Too many bullets (bullet-limits)</failure>',
        '    </testcase>',
        '    <testcase classname="decks/b.md" name="uk-spelling at 3:5">',
        '      <failure type="warning" message="`color` is a US spelling: use `colour`.">decks/b.md:3:5: warning: `color` is a US spelling: use `colour`. (uk-spelling)</failure>',
        '    </testcase>',
        '    <testcase classname="decks/b.md" name="slide-title at 12:1">',
        '      <failure type="error" message="The slide has no title: add one `##` heading.">decks/b.md:12:1: error: The slide has no title: add one `##` heading. (slide-title)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="decks/clean.md" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="decks/clean.md" name="isdeck"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('is well-formed XML whose attributes read back as the original text', () => {
    const xml = junit(sampleResults(), FORMAT_OPTIONS);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true }).parse(xml);
    const first = parsed.testsuites.testsuite[0];
    expect(first.name).toBe('decks/a, v2.md');
    expect(first.testcase.failure.message).toBe('100% wrong:\nline two <b>&"\'');
  });

  it('replaces characters XML cannot hold, so a control character in a message cannot break the report', () => {
    const xml = junit([{ file: 'a.md', problems: [{ ruleId: 'x', severity: 'error', message: 'bell\u0007 and \uD800 lone', range: { line: 1, column: 1, endLine: 1, endColumn: 2 }, fix: undefined }] }], FORMAT_OPTIONS);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('bell\uFFFD and \uFFFD lone');
    expect(escapeXmlText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeXmlAttribute('"\'\t')).toBe('&quot;&apos;&#9;');
  });

  it('reports a clean run as passing testcases', () => {
    const xml = junit([{ file: 'a.md', problems: [] }], FORMAT_OPTIONS);
    expect(xml).toContain('<testsuites name="isdeck" tests="1" failures="0" errors="0">');
    expect(junit([], FORMAT_OPTIONS)).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="isdeck" tests="0" failures="0" errors="0">\n</testsuites>\n');
  });
});
