import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Image } from '../../deck/types';
import { altTextWithoutKeywords } from '../../rules/helpers/image-keywords';
import { displayPath, localImagePath } from '../../deck/images';
import type { ReadFile } from './context';
import type { Box } from './layout';
import type { WarningCause } from '../warnings';

/** An image ready to embed: its bytes as a data URL and its size in pixels. */
export interface LoadedImage {
  data: string;
  width: number;
  height: number;
  alt: string;
  name: string;
}

export type ImageResult = { ok: true; image: LoadedImage } | { ok: false; cause: WarningCause; reason: string };

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/**
 * Loads a deck image for embedding. Only local PNG, JPEG and GIF files inside the deck's
 * folder are embedded; anything else comes back with the reason it was left out.
 */
export function loadImage(image: Image, deckDir: string, readFile: ReadFile): ImageResult {
  const shown = displayPath(image.src);
  const src = localImagePath(image.src);
  if (src === undefined) {
    return { ok: false, cause: 'image-not-local', reason: `Image ${shown} is not a local file; only images inside the deck's folder are embedded.` };
  }
  const path = resolve(deckDir, src);
  const inside = relative(deckDir, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return { ok: false, cause: 'image-outside-folder', reason: `Image ${shown} is outside the deck's folder and was left out.` };
  }
  const mime = MIME[extname(path).toLowerCase()];
  if (!mime) {
    return { ok: false, cause: 'image-unsupported', reason: `Image ${shown} was left out: PowerPoint export embeds PNG, JPEG and GIF images.` };
  }
  const bytes = readFile(path);
  if (!bytes) return { ok: false, cause: 'image-not-found', reason: `Image ${shown} was not found or could not be read, and was left out.` };
  const size = imageSize(bytes);
  if (!size) return { ok: false, cause: 'image-unreadable', reason: `Image ${shown} is not a readable ${mime.slice(6).toUpperCase()} file, and was left out.` };
  return {
    ok: true,
    image: {
      data: `${mime};base64,${Buffer.from(bytes).toString('base64')}`,
      ...size,
      alt: altTextWithoutKeywords(image.alt),
      name: src.split('/').at(-1) ?? src,
    },
  };
}

/** Width and height in pixels from a PNG, GIF or JPEG header. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return positive(view.getUint32(16), view.getUint32(20));
  }
  if (bytes.length >= 10 && String.fromCharCode(...bytes.subarray(0, 4)) === 'GIF8') {
    return positive(view.getUint16(6, true), view.getUint16(8, true));
  }
  if (bytes.length >= 4 && view.getUint16(0) === 0xffd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined;
      const marker = bytes[offset + 1] ?? 0;
      const length = view.getUint16(offset + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) return positive(view.getUint16(offset + 7), view.getUint16(offset + 5));
      offset += 2 + length;
    }
  }
  return undefined;
}

function positive(width: number, height: number): { width: number; height: number } | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** The largest box with the image's aspect ratio inside `box`, centred. */
export function containBox(image: { width: number; height: number }, box: Box): Box {
  const scale = Math.min(box.w / image.width, box.h / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}
