/**
 * Deck text reaches no output raw: a slide class holding terminal control sequences
 * (`_class: "x\e[2J\e]0;PWNED\a"`: clear the screen, retitle the terminal) is shown escaped
 * in the human-readable reports and stays intact, escaped, in the machine-readable ones.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, escapeJsonControlCharacters, escapeXmlControlCharacters } from '../../src/core/report/control-characters';
import { FORMAT_NAMES, FORMATTERS, type FileResult } from '../../src/core/report';
import { lintText } from '../../src/core/lint/lint';
import { allRules } from '../../src/core/rules';
import { HOSTILE_CLASS, HOSTILE_DECK, RAW_CONTROL } from '../helpers/control-characters';
import { lintOptions } from '../helpers/lint';

function hostileResults(): FileResult[] {
  const problems = lintText(HOSTILE_DECK, '/ws/deck.md', lintOptions({}, '/ws')).problems;
  expect(problems.some((problem) => problem.message.includes(HOSTILE_CLASS))).toBe(true);
  return [{ file: 'decks/\u001b[31mred\u001b[0m.md', problems }];
}

const OPTIONS = { rules: allRules, version: '0.0.0', srcRoot: 'file:///ws/' };

describe('escaping', () => {
  it('shows each unsafe character as a visible escape and keeps tab, line feed and ordinary text', () => {
    expect(escapeControlCharacters(HOSTILE_CLASS)).toBe('x\\x1B[2J\\x1B]0;PWNED\\x07\\x9B2J\\u202Etxt.exe');
    expect(escapeControlCharacters('a\tb\nc\rd\u0000é—✓')).toBe('a\tb\nc\\x0Dd\\x00é—✓');
    expect(escapeJsonControlCharacters(JSON.stringify('\u009b\u007f\u2028'))).toBe('"\\u009B\\u007F\\u2028"');
    expect(escapeXmlControlCharacters('a\u009bb')).toBe('a&#x9B;b');
  });
});

describe.each(FORMAT_NAMES)('--format %s', (format) => {
  const output = FORMATTERS[format](hostileResults(), { ...OPTIONS, color: format === 'stylish' });

  it('holds no raw control character (but its own colours, for stylish on a terminal)', () => {
    const own = format === 'stylish' ? output.replace(/\u001b\[[0-9;]*m/g, '') : output;
    expect(own).not.toMatch(RAW_CONTROL);
  });

  it('still carries the text, escaped where the format allows', () => {
    if (format === 'json' || format === 'sarif' || format === 'gitlab') {
      // The same value, parsed back: nothing lost.
      expect(JSON.stringify(JSON.parse(output))).toContain(JSON.stringify(HOSTILE_CLASS).slice(1, -1));
      expect(output).toContain('\\u001b[2J');
      expect(output).toContain('\\u009B2J');
    } else if (format === 'junit') {
      expect(XMLValidator.validate(output)).toBe(true);
      // XML 1.0 cannot hold ESC or BEL at all: replaced; C1 and bidi controls travel as references.
      const parsed = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(output) as Record<string, unknown>;
      expect(JSON.stringify(parsed)).toContain('x\uFFFD[2J\uFFFD]0;PWNED\uFFFD\u009b2J\u202etxt.exe');
    } else {
      expect(output).toContain('x\\x1B[2J\\x1B]0;PWNED\\x07\\x9B2J\\u202Etxt.exe');
    }
  });
});
