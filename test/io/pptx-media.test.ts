/**
 * One picture used on many slides is stored once in the PowerPoint package: counted by its
 * media parts and their bytes, every slide still pointing at a part that is there, and
 * LibreOffice drawing the picture on every page.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { exportPptx } from '../../src/core/export/pptx';
import { warningKind } from '../../src/core/export/warnings';
import { readPdf } from '../helpers/pdf';
import { needTools, pdftoppm, soffice } from '../helpers/tools';
import { writePng } from '../helpers/png';

const run = promisify(execFile);
const USES = 40;
/** pdfimages comes with pdftoppm (poppler-utils). */
const office = needTools([soffice, pdftoppm]);

let work: string;
let photo: Buffer;
let pptxPath: string;
let zip: JSZip;

/** A real PNG of random pixels (so it does not compress): about `side`² × 3 bytes. */
function noisePng(side: number): Buffer {
  return writePng(side, side, () => randomBytes(side * 3));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'isdeck-pptx-media-'));
  mkdirSync(join(work, '.git'));
  photo = noisePng(600);
  writeFileSync(join(work, 'photo.png'), photo);
  copyFileSync(join(work, 'photo.png'), join(work, 'copy.png'));
  writeFileSync(join(work, 'other.png'), noisePng(100));
  const slides = Array.from({ length: USES }, (_, index) => `## Slide ${index + 1}\n\n![The photo](photo.png)\n`);
  slides.push('## Last\n\n![The same bytes, another name](copy.png)\n\n![Another picture](other.png)\n');
  const text = `---\nmarp: true\ntheme: improvement-service\n---\n\n${slides.join('\n---\n\n')}`;
  const deckPath = join(work, 'deck.md');
  writeFileSync(deckPath, text);
  pptxPath = join(work, 'deck.pptx');
  const result = await exportPptx(parseDeck(text, deckPath), { deckPath, outPath: pptxPath });
  expect(result.warnings.filter((warning) => warningKind(warning) === 'left-out')).toEqual([]);
  zip = await JSZip.loadAsync(readFileSync(pptxPath));
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('PPTX media de-duplicated by content', () => {
  it('stores the photo once and the other picture once', async () => {
    const media = Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/') && !zip.files[name]!.dir);
    const sizes = await Promise.all(media.map(async (name) => (await zip.file(name)!.async('uint8array')).byteLength));
    expect(media).toHaveLength(2);
    expect(sizes.sort((a, b) => b - a)[0]).toBe(photo.byteLength);
    // Random pixels do not compress: 41 copies would be 41 times this.
    expect(readFileSync(pptxPath).byteLength).toBeLessThan(photo.byteLength * 1.5);
  });

  it('every slide keeps a relation to a part that is in the package, and draws the picture', async () => {
    const slideNames = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slideNames).toHaveLength(USES + 1);
    const targets = new Set<string>();
    for (const name of slideNames) {
      const rels = await zip.file(name.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels'))!.async('string');
      const slide = await zip.file(name)!.async('string');
      const images = [...rels.matchAll(/Id="(rId\d+)"[^>]*Target="(\.\.\/media\/[^"]+)"|Target="(\.\.\/media\/[^"]+)"[^>]*Id="(rId\d+)"/g)];
      expect(images.length).toBeGreaterThan(0);
      for (const match of images) {
        const id = match[1] ?? match[4]!;
        const target = posix.normalize(posix.join('ppt/slides', match[2] ?? match[3]!));
        expect(zip.file(target)).not.toBeNull();
        expect(slide).toContain(`r:embed="${id}"`);
        targets.add(target);
      }
    }
    expect(targets.size).toBe(2);
  });

  it.skipIf(office.skip)('LibreOffice opens the package and draws the picture on every slide', async () => {
    office.assertPresent();
    const profile = join(tmpdir(), `lo-isdeck-media-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', work, pptxPath], { timeout: 150_000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const pdf = join(work, 'deck.pdf');
    expect((await readPdf(pdf)).pages).toBe(USES + 1);
    const { stdout: list } = await run('pdfimages', ['-list', pdf]);
    const pages = new Set(
      list
        .split('\n')
        .slice(2)
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[2] === 'image' && Number(fields[3]) >= 100)
        .map((fields) => Number(fields[0])),
    );
    expect(pages.size).toBe(USES + 1);
  }, 180_000);
});
