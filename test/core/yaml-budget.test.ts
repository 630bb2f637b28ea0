import { describe, expect, it } from 'vitest';
import { parseYamlDocument, parseYamlValue } from '../../src/core/yaml-budget';

describe('parseYamlDocument: repeated keys', () => {
  it('reports the first repeated key over its whole key, as DUPLICATE_KEY', () => {
    const document = parseYamlDocument('a: 1\nb: 2\nbb: 3\nb: 4\nbb: 5\n');
    expect(document.errors.map((error) => [error.code, error.message.split('\n')[0], error.pos])).toEqual([
      ['DUPLICATE_KEY', 'Map keys must be unique', [16, 17]],
    ]);
  });

  it('finds a key repeated in a nested mapping, and puts the errors in source order', () => {
    const document = parseYamlDocument('outer:\n  x: 1\n  x: 2\nlist: [1, 2\n');
    expect(document.errors.length).toBeGreaterThan(1);
    expect(document.errors[0]).toMatchObject({ code: 'DUPLICATE_KEY', pos: [16, 17] });
    const starts = document.errors.map((error) => error.pos[0]);
    expect(starts).toEqual([...starts].sort((first, second) => first - second));
  });

  it('lets `<<` (a merge) repeat, and the same key in two mappings', () => {
    expect(parseYamlDocument('base: &b {x: 1}\nother: &o {y: 2}\nc:\n  <<: *b\n  <<: *o\nd: {x: 1}\n').errors).toEqual([]);
  });

  it('reads 100,000 distinct keys without an error', () => {
    const text = Array.from({ length: 100_000 }, (_, index) => `k${index}: v`).join('\n');
    expect(parseYamlDocument(text).errors).toEqual([]);
  });
});

describe('parseYamlValue', () => {
  it('throws on a repeated key, as `yaml`’s parse does', () => {
    expect(() => parseYamlValue('a: 1\na: 2\n')).toThrow('Map keys must be unique');
  });

  it('throws past the alias budget', () => {
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 4 }, (_, index) => `a${index + 1}: &a${index + 1} [${Array(10).fill(`*a${index}`).join(', ')}]`)].join('\n');
    expect(() => parseYamlValue(bomb)).toThrow(/alias/i);
  });

  it('returns plain data', () => {
    expect(parseYamlValue('marp: true\nsize: "4:3"\n')).toEqual({ marp: true, size: '4:3' });
  });
});
