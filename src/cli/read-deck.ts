import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isMarpDeck } from '../core/deck/marp-deck';
import { errnoReason, errorCode } from '../core/io/errors';
import { checkDeckSize, decodeDeckBytes } from '../core/io/read-text';

/** A short reason for a file-system error while reading. */
export function describeFsError(error: unknown): string {
  return errnoReason(error) ?? `cannot be read (${errorCode(error)})`;
}

/** A deck read from a file: its text, and the bytes it was decoded from (`--fix` writes only over these same bytes). */
export type ReadDeck = { text: string; bytes: Uint8Array } | { error: string };

/**
 * Reads a deck file for linting. The size is checked before reading, so a huge file is
 * refused without loading it. Every failure is one line naming the file: `<name>: <reason>`.
 */
export function readDeckFile(path: string, name: string): ReadDeck {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { error: `${name}: is a folder` };
    const tooBig = checkDeckSize(stats.size, name);
    if (tooBig) return { error: tooBig };
    const bytes = readFileSync(path);
    const result = decodeDeckBytes(bytes, name);
    return 'text' in result ? { text: result.text, bytes } : result;
  } catch (error) {
    return { error: `${name}: ${describeFsError(error)}` };
  }
}

/** How much of a file is read to decide whether a Markdown file found in a folder is a Marp deck. */
const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file, or undefined when it cannot be read. */
function readHead(path: string): Uint8Array | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const buffer = new Uint8Array(HEAD_BYTES);
    const length = readSync(descriptor, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** For files found by searching a folder or a glob: is this a Marp deck? (Reads only the first 64 KB.) */
export function looksLikeMarpDeck(path: string): boolean {
  const head = readHead(path);
  if (!head) return false;
  return isMarpDeck(new TextDecoder('utf-8').decode(head));
}
