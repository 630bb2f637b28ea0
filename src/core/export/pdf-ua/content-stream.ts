/**
 * A content stream as a list of operations (PDF 1.7 §7.8.2): each operator with its operands,
 * as byte ranges of the stream, so a rewrite can copy everything it does not touch byte for
 * byte. One pass, linear in the stream's length; strings, names, arrays, dictionaries,
 * comments and inline images are skipped as the syntax says.
 */

export type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'other'; start: number; end: number };

export interface Operation {
  operator: string;
  operands: Operand[];
  /** Byte offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Byte offset just after the operator (after an inline image's `EI`). */
  end: number;
}

const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

const isRegular = (c: number | undefined): boolean => c !== undefined && !WHITE[c] && !DELIMITER[c];

function skipLiteralString(bytes: Uint8Array, at: number): number {
  let depth = 0;
  for (let i = at; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x5c) i++; // backslash: the next byte is escaped
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return bytes.length;
}

function skipTo(bytes: Uint8Array, at: number, byte: number): number {
  const found = bytes.indexOf(byte, at);
  return found < 0 ? bytes.length : found + 1;
}

/** After `ID` and one white-space byte: the image data runs to an `EI` between white space (or the end). */
function skipInlineImage(bytes: Uint8Array, at: number): number {
  for (let i = at + 1; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x45 && bytes[i + 1] === 0x49 && WHITE[bytes[i - 1]!] && !isRegular(bytes[i + 2])) return i + 2;
  }
  return bytes.length;
}

/** A PDF number (`-12`, `.5`, `3.`) from its bytes, without making a string of it. */
function parseNumber(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  const negative = bytes[at] === 0x2d;
  if (negative || bytes[at] === 0x2b) at++;
  let value = 0;
  while (at < end && bytes[at]! >= 0x30 && bytes[at]! <= 0x39) value = value * 10 + bytes[at++]! - 0x30;
  if (bytes[at] === 0x2e) {
    let scale = 0.1;
    for (at++; at < end && bytes[at]! >= 0x30 && bytes[at]! <= 0x39; at++, scale /= 10) value += (bytes[at]! - 0x30) * scale;
  }
  return negative ? -value : value;
}

/** Splits a content stream into operations. */
export function parseContentStream(bytes: Uint8Array): Operation[] {
  // Words are cut from one latin1 string: a substring is far cheaper than decoding each token.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const operations: Operation[] = [];
  let operands: Operand[] = [];
  let start = -1;
  /** Nesting of arrays and dictionaries: their contents are one operand. */
  let nesting = 0;
  let compoundStart = 0;
  let i = 0;
  const push = (operand: Operand, at: number): void => {
    if (nesting > 0) return;
    if (start < 0) start = at;
    operands.push(operand);
  };
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (WHITE[c]) {
      i++;
      continue;
    }
    const at = i;
    if (c === 0x25) {
      i = skipTo(bytes, i, 0x0a);
      continue;
    }
    if (c === 0x28) {
      i = skipLiteralString(bytes, i);
      push({ kind: 'other', start: at, end: i }, at);
      continue;
    }
    if (c === 0x3c && bytes[i + 1] === 0x3c) {
      if (nesting++ === 0) compoundStart = at;
      i += 2;
      continue;
    }
    if (c === 0x3e && bytes[i + 1] === 0x3e) {
      i += 2;
      if (nesting > 0 && --nesting === 0) push({ kind: 'other', start: compoundStart, end: i }, compoundStart);
      continue;
    }
    if (c === 0x3c) {
      i = skipTo(bytes, i, 0x3e);
      push({ kind: 'other', start: at, end: i }, at);
      continue;
    }
    if (c === 0x5b) {
      if (nesting++ === 0) compoundStart = at;
      i++;
      continue;
    }
    if (c === 0x5d) {
      i++;
      if (nesting > 0 && --nesting === 0) push({ kind: 'other', start: compoundStart, end: i }, compoundStart);
      continue;
    }
    if (c === 0x2f) {
      i++;
      while (isRegular(bytes[i])) i++;
      push({ kind: 'name', value: text.slice(at + 1, i) }, at);
      continue;
    }
    if (DELIMITER[c]) {
      i++; // a stray `)`, `{`, `}` or `>`: not valid, skipped
      continue;
    }
    while (isRegular(bytes[i])) i++;
    if (nesting > 0) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      push({ kind: 'number', value: parseNumber(bytes, at, i) }, at);
      continue;
    }
    const word = text.slice(at, i);
    if (word === 'true' || word === 'false' || word === 'null') {
      push({ kind: 'other', start: at, end: i }, at);
    } else {
      if (word === 'ID') i = skipInlineImage(bytes, i);
      operations.push({ operator: word === 'ID' ? 'BI' : word, operands, start: start < 0 ? at : start, end: i });
      operands = [];
      start = -1;
    }
  }
  return mergeInlineImages(operations);
}

/** `BI … ID data EI` was read as the operations `BI` and `ID…EI`: one `BI` operation spans both. */
function mergeInlineImages(operations: Operation[]): Operation[] {
  const merged: Operation[] = [];
  for (const operation of operations) {
    const previous = merged[merged.length - 1];
    if (operation.operator === 'BI' && previous?.operator === 'BI' && previous.operands.length === 0) {
      previous.end = operation.end;
    } else {
      merged.push(operation);
    }
  }
  return merged;
}

/** The numbers among an operation's operands. */
export function numbers(operation: Operation): number[] {
  const out: number[] = [];
  for (const operand of operation.operands) if (operand.kind === 'number') out.push(operand.value);
  return out;
}

/** Operators that show text (PDF 1.7 Table 107). */
export const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
/** Operators that paint a path (Table 59), `n` (end without painting) aside. */
export const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
/** Path construction (Table 59). */
export const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
/** Operators that paint something other than a path or text: XObjects, shadings, inline images. */
export const OTHER_PAINTING = new Set(['Do', 'sh', 'BI']);
