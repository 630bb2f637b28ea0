import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { CommentFinder, findStyle, useLinearRules } from '../../src/core/marp-linear';
import { HOUSE_MARP_OPTIONS } from '../../src/core/marp-options';
import { corpusDecks } from '../fuzz/corpus';
import { Random } from '../fuzz/random';

/** Marpit's own patterns, which the linear finders stand in for. */
const COMMENT = /<!--+\s*([\s\S]*?)\s*--+>/;
const STYLE = /<style([\s\S]*?)>([\s\S]*?)<\/style>/i;

describe('CommentFinder', () => {
  it('finds what Marpit’s comment pattern finds, from any position, on 30,000 random strings', () => {
    const random = new Random(9);
    const alphabet = ['<', '!', '-', '>', ' ', '\n', 'a', '<!--', '-->'];
    const finder = new CommentFinder();
    for (let round = 0; round < 30_000; round++) {
      const text = random.string(alphabet, random.int(16));
      const from = random.int(text.length + 1);
      const match = text.slice(from).match(COMMENT);
      const expected = match ? { start: from + match.index!, end: from + match.index! + match[0].length, body: match[1] } : undefined;
      expect(finder.find(text, from), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('answers repeated searches of one text from later and later positions', () => {
    const finder = new CommentFinder();
    const text = 'a <!x <!-- one --> b <!-- two';
    expect(finder.find(text, 0)).toEqual({ start: 6, end: 18, body: 'one' });
    expect(finder.find(text, 3)).toEqual({ start: 6, end: 18, body: 'one' });
    expect(finder.find(text, 7)).toBeUndefined();
  });
});

describe('findStyle', () => {
  it('finds what Marpit’s <style> pattern finds on 30,000 random strings', () => {
    const random = new Random(10);
    const alphabet = ['<style', '<STYLE', '</style>', '</Style>', '>', '<', ' scoped', 'a', '\n', 'ſ'];
    for (let round = 0; round < 30_000; round++) {
      const text = random.string(alphabet, random.int(10));
      const match = STYLE.exec(text);
      expect(findStyle(text), JSON.stringify(text)).toEqual(match ? { attributes: match[1], css: match[2] } : undefined);
    }
  });
});

describe('useLinearRules', () => {
  const plain = new Marp(HOUSE_MARP_OPTIONS);
  const linear = new Marp(HOUSE_MARP_OPTIONS);
  useLinearRules(linear);
  // A scoped <style> gets a random key on every parse.
  const tokens = (marp: Marp, text: string) =>
    JSON.stringify(marp.markdown.parse(text, {}))
      .replace(/marpit-scope-[\w-]+/g, 'marpit-scope-KEY')
      .replace(/"key":"[^"]*"/g, '"key":"KEY"');

  it('gives Marp’s own tokens for every deck in the repository', () => {
    for (const { name, text } of corpusDecks()) expect(tokens(linear, text), name).toBe(tokens(plain, text));
  });

  it('gives Marp’s own tokens for 1,000 generated decks of comments, styles and slide breaks', () => {
    const random = new Random(11);
    const lines = [
      '<!-- _class: cover -->',
      '<!--',
      '-->',
      'a: b',
      '  <!-- note',
      'x <!-- inline --> y',
      'x <!-- open',
      '<!---->',
      '<!-- prettier-ignore -->',
      '<style>',
      '<style scoped>',
      'section { color: red; }',
      '</style>',
      '---',
      '***',
      '',
      'text',
      '> quote <!-- c -->',
      '- item',
      '```',
      '<!-- a: &x [1]',
      '<!-- headingDivider: 2 -->',
      '## heading',
      '# deck',
      'Setext',
      '===',
      '😀 a 👍🏽 1️⃣ 🇬🇧 ©',
      `${'😀 x'.repeat(300)}👩‍👩‍👧${'🇬🇧'.repeat(200)} 1️⃣`,
    ];
    for (let round = 0; round < 1_000; round++) {
      const text = Array.from({ length: random.int(14) }, () => random.pick(lines)).join('\n');
      expect(tokens(linear, text), JSON.stringify(text)).toBe(tokens(plain, text));
    }
  });

  it('wraps slides in slide containers as Marpit does', () => {
    const options = { ...HOUSE_MARP_OPTIONS, slideContainer: [{ tag: 'div', class: 'outer' }, { tag: 'span' }] };
    const contained = new Marp(options);
    useLinearRules(contained);
    const text = 'a\n\n---\n\n<!-- _class: x -->\n\nb\n';
    expect(tokens(contained, text)).toBe(tokens(new Marp(options), text));
  });

  it('parses a slide of 200,000 tokens, where Marpit’s spread calls overflow the stack', () => {
    const text = `| a | b |\n|---|---|\n${'| c | d |\n'.repeat(20_000)}`;
    expect(() => plain.markdown.parse(text, {})).toThrow(RangeError);
    const parsed = linear.markdown.parse(text, {});
    expect(parsed.filter((token: { type: string }) => token.type === 'tr_open')).toHaveLength(20_001);
  });

  it('numbers slides from 1 as Marpit does, and leaves them unnumbered with anchor off', () => {
    const text = 'a\n\n---\n\nb\n';
    const unanchored = new Marp({ ...HOUSE_MARP_OPTIONS, anchor: false });
    useLinearRules(unanchored);
    const ids = (marp: Marp) => marp.markdown.parse(text, {}).filter((token: { type: string }) => token.type === 'marpit_slide_open').map((token: { attrGet(name: string): string | null }) => token.attrGet('id'));
    expect(ids(linear)).toEqual(['1', '2']);
    expect(ids(unanchored)).toEqual([null, null]);
  });
});
