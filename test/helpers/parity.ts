/**
 * Comparing two renderings of a deck page by page: pdftoppm draws each PDF's pages at one
 * resolution (PPM, read here), ssim.js scores each pair of pages with the structural
 * similarity index (1 = the same picture).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ssim } from 'ssim.js';

const run = promisify(execFile);

export interface Picture {
  width: number;
  height: number;
  /** RGBA, as ssim.js takes it. */
  data: Uint8ClampedArray;
}

/** A binary PPM (P6, 8 bits a channel) as RGBA. */
export function readPpm(bytes: Buffer): Picture {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = bytes.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let source = 0, target = 0; target < data.length; source += 3, target += 4) {
    data[target] = pixels[source]!;
    data[target + 1] = pixels[source + 1]!;
    data[target + 2] = pixels[source + 2]!;
    data[target + 3] = 255;
  }
  return { width, height, data };
}

/** Every page of `pdf` drawn `width` × `height` pixels (two writers' page sizes may differ by a rounding), in page order. */
export async function renderPages(pdf: string, outDir: string, prefix: string, width: number, height: number): Promise<Picture[]> {
  await run('pdftoppm', ['-scale-to-x', String(width), '-scale-to-y', String(height), pdf, join(outDir, prefix)]);
  return readdirSync(outDir)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.ppm'))
    .sort((a, b) => pageOf(a) - pageOf(b))
    .map((name) => readPpm(readFileSync(join(outDir, name))));
}

function pageOf(name: string): number {
  return Number(/-(\d+)\.ppm$/.exec(name)?.[1]);
}

/** The mean structural similarity of two pictures of the same size. */
export function similarity(a: Picture, b: Picture): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`pictures differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  return ssim(a, b).mssim;
}
