import { describe, expect, it } from 'vitest';
import { frontMatterYaml, isMarpDeck } from '../../src/core/deck/marp-deck';

describe('isMarpDeck', () => {
  it.each([
    ['---\nmarp: true\n---\n', true],
    ['\uFEFF---\r\nmarp: true\r\ntheme: x\r\n---\r\n', true],
    ['---\nmarp: true # a deck\n...\n# Slide\n', true],
    ['---\nmarp: false\n---\n', false],
    ['---\ntheme: x\n---\n', false],
    ['# marp: true\n', false],
    ['\n---\nmarp: true\n---\n', false],
    ['---\nstyle: |\n  marp: true\n---\n', false],
    ['---\nmarp: True\n---\n', false],
    ['---\nmarp: truest\n---\n', false],
    ['---\nmarp: true\ntheme: [broken\n---\n', true],
    // Marp for VS Code takes neither of these as a deck; isdeck does, and the front-matter rule says what is wrong.
    ['---\nmarp: true\n', true],
    ['---\nmarp: true\n\n# A slide that Marp reads as YAML\n', true],
    ['---\nmarp: "true"\n---\n', true],
    ["---\nmarp: 'true'\n---\n", true],
  ])('%j → %s', (text, expected) => {
    expect(isMarpDeck(text)).toBe(expected);
  });
});

describe('frontMatterYaml', () => {
  it('is the YAML between the fences, or to the end when never closed', () => {
    expect(frontMatterYaml('---\nmarp: true\ntheme: x\n---\n# Slide\n')).toBe('marp: true\ntheme: x');
    expect(frontMatterYaml('---\nmarp: true\n# Slide\n')).toBe('marp: true\n# Slide\n');
    expect(frontMatterYaml('# Slide\n')).toBeUndefined();
  });
});
