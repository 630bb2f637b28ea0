import { describe, expect, it } from 'vitest';
import { pathToUriReference, sarif } from '../../src/core/report/sarif';
import { allRules } from '../../src/core/rules';
import { ruleDocsUrl } from '../../src/core/rules/rule';
import { sarifErrors, sarifValidator } from '../helpers/sarif';
import { FORMAT_OPTIONS, sampleResults } from './results';

function log(results = sampleResults()) {
  return JSON.parse(sarif(results, FORMAT_OPTIONS));
}

describe('sarif formatter', () => {
  it('is valid SARIF 2.1.0', () => {
    const validate = sarifValidator();
    const valid = validate(log());
    expect(sarifErrors(validate)).toBe('');
    expect(valid).toBe(true);
    expect(validate(log([]))).toBe(true);
  });

  it('fails validation when broken, so the check above can fail', () => {
    const validate = sarifValidator();
    const wrongVersion = { ...log(), version: '2.0.0' };
    expect(validate(wrongVersion)).toBe(false);
    const broken = log();
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
    const badUri = log();
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'decks/a, v2.md';
    expect(validate(badUri)).toBe(false);
    const unknownKey = log();
    unknownKey.runs[0].results[0].severity = 'error';
    expect(validate(unknownKey)).toBe(false);
  });

  it('describes the tool and every rule of the catalogue', () => {
    const run = log().runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'isdeck', version: '9.9.9', informationUri: 'https://github.com/improvement-service/isdeck' });
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(allRules.map((rule) => rule.id));
    const frontMatter = run.tool.driver.rules[0];
    expect(frontMatter).toEqual({
      id: 'front-matter',
      shortDescription: { text: allRules[0]!.description },
      helpUri: ruleDocsUrl('front-matter'),
      defaultConfiguration: { level: 'error' },
    });
    const spelling = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'uk-spelling');
    expect(spelling.defaultConfiguration).toEqual({ level: 'warning' });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/author/project/' } });
  });

  it('gives each result its rule, index, level, message and a relative location', () => {
    const run = log().runs[0];
    expect(run.results).toHaveLength(4);
    expect(run.results[0]).toEqual({
      ruleId: 'front-matter',
      ruleIndex: 0,
      level: 'error',
      message: { text: '100% wrong:\nline two <b>&"\'' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'decks/a%2C%20v2.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 },
          },
        },
      ],
    });
    expect(run.results.map((result: { ruleId: string; level: string }) => `${result.ruleId}:${result.level}`)).toEqual([
      'front-matter:error',
      'bullet-limits:warning',
      'uk-spelling:warning',
      'slide-title:error',
    ]);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('keeps the log valid when a rule reports an impossible range', () => {
    const results = [{ file: '<stdin>', problems: [{ ruleId: 'cover-fields', severity: 'error' as const, message: 'm', range: { line: 0, column: 0, endLine: 0, endColumn: 0 }, fix: undefined }] }];
    const validate = sarifValidator();
    expect(validate(log(results))).toBe(true);
    expect(log(results).runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    });
  });

  it('encodes paths as URI references segment by segment', () => {
    expect(pathToUriReference('decks/Año 2010/#1.md')).toBe('decks/A%C3%B1o%202010/%231.md');
    expect(pathToUriReference('../up.md')).toBe('../up.md');
  });
});
