import { describe, expect, it } from 'vitest';
import { checkDeckSize, decodeDeckBytes, describeSize, firstInvalidUtf8, MAX_DECK_BYTES } from '../../src/core/io/read-text';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeDeckBytes', () => {
  it('decodes UTF-8 and keeps a byte-order mark in the text', () => {
    expect(decodeDeckBytes(new TextEncoder().encode('Café ¹'), 'a.md')).toEqual({ text: 'Café ¹' });
    expect(decodeDeckBytes(bytes(0xef, 0xbb, 0xbf, 0x41), 'a.md')).toEqual({ text: '\uFEFFA' });
    expect(decodeDeckBytes(bytes(), 'a.md')).toEqual({ text: '' });
  });

  it('refuses binary, UTF-16 and invalid UTF-8, naming the file and line', () => {
    expect(decodeDeckBytes(bytes(0x41, 0x00, 0x42), 'file.bin')).toEqual({ error: 'file.bin: not a text file' });
    expect(decodeDeckBytes(bytes(0xff, 0xfe, 0x41, 0x00), 'w.md')).toEqual({ error: 'w.md: the file is UTF-16; save it as UTF-8' });
    expect(decodeDeckBytes(bytes(0x41, 0x0a, 0x0a, 0x43, 0x61, 0x66, 0xe9), 'l.md')).toEqual({ error: 'l.md:3: not valid UTF-8 (byte 0xE9); save the file as UTF-8' });
  });

  it('looks for NUL only in the first 8 KB', () => {
    const late = new Uint8Array(9000).fill(0x41);
    late[8500] = 0;
    expect('text' in decodeDeckBytes(late, 'a.md')).toBe(true);
  });

  it('refuses decks over the size limit', () => {
    expect(MAX_DECK_BYTES).toBe(1024 * 1024);
    expect(checkDeckSize(MAX_DECK_BYTES, 'a.md')).toBeUndefined();
    expect(checkDeckSize(10 * 1024 * 1024, 'a.md')).toBe('a.md: file is 10.0 MB; decks over 1.0 MB are not linted');
    expect(decodeDeckBytes(new Uint8Array(MAX_DECK_BYTES + 1), 'a.md')).toEqual({ error: 'a.md: file is 1.0 MB; decks over 1.0 MB are not linted' });
    expect(describeSize(2048)).toBe('2 KB');
    expect(describeSize(12)).toBe('12 bytes');
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x41, 0xc3, 0xa9], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x41, 0xc0, 0x80], 1],
    [[0xe0, 0x80, 0x80], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x41, 0xe2, 0x82], 1],
    [[0x80], 0],
  ])('%j → %i', (input, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(input))).toBe(expected);
  });
});
