/**
 * Turns the bytes of a file into deck text, or says in one line why it cannot be linted.
 * No file system here: the CLI reads files, the editor extension reads buffers, both decode here.
 */

/**
 * The largest deck linted, in bytes (1 MB). Marpit splits slides in time that grows with the
 * square of the slide count: 1 MB of one-line slides (10,000 slides) lints in about 10 s, 2 MB
 * in about 40 s. A real deck is tens of kilobytes.
 */
export const MAX_DECK_BYTES = 1024 * 1024;

/** How many leading bytes are searched for a NUL byte, the sign of a binary file (as git does). */
export const BINARY_SNIFF_BYTES = 8 * 1024;

export type DecodeResult = { text: string } | { error: string };

/** `10.0 MB`, `512 KB`, `12 bytes`. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The one-line refusal for a file over {@link MAX_DECK_BYTES}, or undefined when it is small enough. */
export function checkDeckSize(size: number, name: string): string | undefined {
  if (size <= MAX_DECK_BYTES) return undefined;
  return `${name}: file is ${describeSize(size)}; decks over ${describeSize(MAX_DECK_BYTES)} are not linted`;
}

/**
 * The one-line refusal for standard input that ran past {@link MAX_DECK_BYTES}: it is read
 * only up to the limit, so its whole size is never known (an endless stream stops there).
 */
export function stdinTooBig(name: string): string {
  return `${name}: more than ${describeSize(MAX_DECK_BYTES)} on standard input; decks over ${describeSize(MAX_DECK_BYTES)} are not linted`;
}

/**
 * Decodes a deck's bytes as UTF-8. A byte-order mark is kept in the text (the parser ignores
 * it for columns, `--fix` writes it back). Refuses files over the size limit, binary files
 * (a NUL byte in the first 8 KB), UTF-16 and bytes that are not UTF-8, naming the line.
 */
export function decodeDeckBytes(bytes: Uint8Array, name: string): DecodeResult {
  const tooBig = checkDeckSize(bytes.length, name);
  if (tooBig) return { error: tooBig };
  if (isUtf16ByteOrderMark(bytes)) return { error: `${name}: the file is UTF-16; save it as UTF-8` };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { error: `${name}: not a text file` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = offset < 0 ? undefined : lineAt(bytes, offset);
    const at = line === undefined ? name : `${name}:${line}`;
    const byte = offset < 0 ? '' : ` (byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')})`;
    return { error: `${at}: not valid UTF-8${byte}; save the file as UTF-8` };
  }
}

function isUtf16ByteOrderMark(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** 1-based line of a byte offset (LF counted; CRLF has one LF). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1 (RFC 3629 table). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let trailing: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trailing = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      trailing = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      trailing = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= trailing; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += trailing + 1;
  }
  return -1;
}
