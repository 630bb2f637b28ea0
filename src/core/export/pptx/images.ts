import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Image } from '../../deck/types';
import { altTextWithoutKeywords } from '../../deck/image-keywords';
import { displayPath } from '../../deck/images';
import { judgePicture, type PicturePlace } from '../../images/policy';
import type { ReadFile } from './context';
import type { Box } from './layout';

/** Reads a local file; `undefined` when it is missing or unreadable. */
export const readLocalFile: ReadFile = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

/** An image ready to embed: its bytes as a data URL and its size in pixels. */
export interface LoadedImage {
  data: string;
  width: number;
  height: number;
  alt: string;
  name: string;
}

export type ImageResult = { ok: true; image: LoadedImage } | { ok: false; reason: string };

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

const DATA_URL = /^data:(image\/(?:png|jpeg|gif));base64,([a-z0-9+/=\s]*)$/i;

/** A picture's bytes, read once per export however often the deck uses it. */
interface PictureBytes {
  mime: string;
  /** `mime;base64,…`: the one string every use of the picture shares. */
  data: string;
  size: { width: number; height: number } | undefined;
}

/**
 * Loads deck images for embedding under the picture policy (`images/policy.ts`): local PNG,
 * JPEG and GIF files inside the workspace, and `data:` pictures of those types. Each file is
 * read once, however many slides use it; anything else comes back with the reason it was left out.
 */
export class ImageLoader {
  private readonly files = new Map<string, PictureBytes | undefined>();

  constructor(
    private readonly place: PicturePlace,
    private readonly readFile: ReadFile,
  ) {}

  load(image: Image): ImageResult {
    const shown = displayPath(image.src);
    const verdict = judgePicture(image.src, this.place);
    if (verdict.kind === 'refused') return { ok: false, reason: verdict.message };
    if (verdict.kind === 'remote') {
      return { ok: false, reason: `The image \`${shown}\` is a web address: PowerPoint export embeds pictures from the workspace only (download it into the workspace).` };
    }
    const picture = verdict.kind === 'data' ? fromDataUrl(image.src) : this.fromFile(verdict.path, image.src);
    if (picture === 'unsupported') {
      return { ok: false, reason: `The image \`${shown}\` was left out: PowerPoint export embeds PNG, JPEG and GIF images.` };
    }
    if (!picture) return { ok: false, reason: `The image \`${shown}\` could not be read, and was left out.` };
    if (!picture.size) {
      return { ok: false, reason: `The image \`${shown}\` is not a readable ${picture.mime.slice(6).toUpperCase()} file, and was left out.` };
    }
    const name = verdict.kind === 'data' ? 'picture' : (image.src.split(/[\\/]/).at(-1) ?? image.src);
    return { ok: true, image: { data: picture.data, ...picture.size, alt: altTextWithoutKeywords(image.alt), name } };
  }

  private fromFile(path: string, written: string): PictureBytes | 'unsupported' | undefined {
    const mime = MIME[extname(path).toLowerCase()] ?? MIME[extname(written.replace(/[?#].*$/, '')).toLowerCase()];
    if (!mime) return 'unsupported';
    if (!this.files.has(path)) {
      const bytes = this.readFile(path);
      this.files.set(path, bytes && { mime, data: `${mime};base64,${Buffer.from(bytes).toString('base64')}`, size: imageSize(bytes) });
    }
    return this.files.get(path);
  }
}

function fromDataUrl(src: string): PictureBytes | 'unsupported' {
  const match = DATA_URL.exec(src);
  if (!match) return 'unsupported';
  const mime = match[1]!.toLowerCase();
  const bytes = Buffer.from(match[2]!, 'base64');
  return { mime, data: `${mime};base64,${bytes.toString('base64')}`, size: imageSize(bytes) };
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
