/**
 * The picture resolver of the HTML renderer (HTML and PDF export, the rendered checks): the
 * picture policy's verdict, and for an allowed file its bytes as a `data:` URL, so the
 * document needs no file access when it is opened or printed.
 */
import { readFileSync } from 'node:fs';
import { decodePath, displayPath } from '../deck/images';
import type { ImageResolver } from '../render/house-plugin';
import { mimeTypeOf } from '../render/theme';
import { judgePicture, type PicturePlace } from './policy';

/** A picture the renderer left out (`left-out`), or kept as a web address the document loads when opened (`remote`). */
export interface PictureWarning {
  /** The picture's path or address, decoded as the deck model's `Image.src`. */
  path: string;
  message: string;
  kind: 'left-out' | 'remote';
}

/**
 * An image resolver that embeds the pictures the policy allows as `data:` URLs and leaves
 * out (`null`, with a warning) those it refuses; `data:` and web addresses stay as written.
 */
export function embeddingImageResolver(place: PicturePlace, warnings: PictureWarning[]): ImageResolver {
  const bySource = new Map<string, string | null>();
  const byFile = new Map<string, string | null>();
  const warn = (path: string, message: string, kind: PictureWarning['kind']) => {
    if (!warnings.some((warning) => warning.path === path && warning.message === message)) warnings.push({ path, message, kind });
  };
  const embed = (file: string, written: string): string | null => {
    const shown = displayPath(written);
    const mime = mimeTypeOf(file) ?? mimeTypeOf(written);
    if (!mime) {
      warn(written, `The image \`${shown}\` is not a PNG, JPEG, GIF, WebP, AVIF or SVG file, and was left out.`, 'left-out');
      return null;
    }
    try {
      return `data:${mime};base64,${readFileSync(file).toString('base64')}`;
    } catch {
      warn(written, `The image \`${shown}\` could not be read, and was left out.`, 'left-out');
      return null;
    }
  };
  const resolveOne = (src: string): string | null => {
    const written = decodePath(src);
    const verdict = judgePicture(written, place);
    switch (verdict.kind) {
      case 'data':
        return src;
      case 'remote':
        warn(written, `The image \`${displayPath(written)}\` is a web address: the document loads it when opened.`, 'remote');
        return src;
      case 'refused':
        warn(written, verdict.message, 'left-out');
        return null;
      case 'file': {
        if (!byFile.has(verdict.path)) byFile.set(verdict.path, embed(verdict.path, written));
        return byFile.get(verdict.path) ?? null;
      }
    }
  };
  return (src) => {
    if (!bySource.has(src)) bySource.set(src, resolveOne(src));
    return bySource.get(src) ?? null;
  };
}
