/**
 * PNG pictures of slides, drawn in a real Chromium: their size is the slide's, their pixels
 * are the slide (the house header band, text), they follow the output policy.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PdfBrowser } from '../../src/core/export/browser';
import { exportPng, pngPath, SlideNotFoundError } from '../../src/core/export/png';
import { OutputRefusedError } from '../../src/core/io/output-policy';
import { browser as chromium, BROWSER_PATH, needTools } from '../helpers/tools';
import { colourAt, inkShare, readPng } from '../helpers/png';

const ROOT = resolve(__dirname, '..', '..');
const SEED = join(ROOT, 'decks', 'masterclass-2010-03-24.md');
const gate = needTools([chromium]);

const FOUR_BY_THREE = `---
marp: true
theme: improvement-service
size: 4:3
---

## A narrow slide

- One point
- Another point

---

<!-- _class: discussion -->

## Group Discussion

What now?
`;

let browser: PdfBrowser;
let work: string;

describe.skipIf(gate.skip)('PNG export', () => {
  beforeAll(async () => {
    gate.assertPresent();
    work = mkdtempSync(join(tmpdir(), 'isdeck-png-test-'));
    browser = await launchBrowser({ browserPath: BROWSER_PATH });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('names one file a slide, numbered with at least two digits', () => {
    expect(pngPath('/decks/talk.md', '/out', 3, 45)).toBe('/out/talk.slide-03.png');
    expect(pngPath('/decks/talk.md', '/out', 7, 120)).toBe('/out/talk.slide-007.png');
  });

  it('draws one slide at 1280×720: the house header band on top, text below', { timeout: 60_000 }, async () => {
    const out = join(work, 'one');
    const result = await exportPng({ browser, deckPath: SEED, outDir: out, slides: [3] });
    expect(result.files.map((file) => file.outPath)).toEqual([join(out, 'masterclass-2010-03-24.slide-03.png')]);
    expect(readdirSync(out)).toEqual(['masterclass-2010-03-24.slide-03.png']);
    expect(result.slideCount).toBe(45);
    const picture = readPng(readFileSync(result.files[0]!.outPath));
    expect([picture.width, picture.height]).toEqual([1280, 720]);
    // The header band is the house navy; the slide body is white; a good part of it is ink.
    expect(colourAt(picture, 20, 10)).toBe('#1b365d');
    expect(colourAt(picture, 20, 360)).toBe('#ffffff');
    expect(inkShare(picture)).toBeGreaterThan(0.1);
  });

  it('draws every slide of a 4:3 deck at 960×720, each a different picture', { timeout: 60_000 }, async () => {
    const deck = join(work, 'narrow.md');
    writeFileSync(deck, FOUR_BY_THREE);
    const result = await exportPng({ browser, deckPath: deck, outDir: work });
    expect(result.files.map((file) => file.slide)).toEqual([1, 2]);
    const pictures = result.files.map((file) => readFileSync(file.outPath));
    for (const bytes of pictures) {
      const picture = readPng(bytes);
      expect([picture.width, picture.height]).toEqual([960, 720]);
      expect(inkShare(picture)).toBeGreaterThan(0.02);
    }
    expect(pictures[0]!.equals(pictures[1]!)).toBe(false);
  });

  it('draws raw HTML only with `html` on: the same deck twice is the same picture, with `html` another', { timeout: 60_000 }, async () => {
    const deck = join(work, 'raw.md');
    writeFileSync(deck, '---\nmarp: true\ntheme: improvement-service\n---\n\n## Raw HTML\n\nA <b>bold</b> word\n');
    const picture = async (folder: string, html: boolean) => {
      const result = await exportPng({ browser, deckPath: deck, outDir: join(work, folder), html });
      return readFileSync(result.files[0]!.outPath);
    };
    const off = await picture('raw-off', false);
    expect((await picture('raw-off-again', false)).equals(off)).toBe(true);
    expect((await picture('raw-on', true)).equals(off)).toBe(false);
  });

  it('refuses a slide the deck does not have, and writes nothing', async () => {
    const out = join(work, 'none');
    await expect(exportPng({ browser, deckPath: SEED, outDir: out, slides: [2, 46] })).rejects.toThrow(SlideNotFoundError);
    await expect(exportPng({ browser, deckPath: SEED, outDir: out, slides: [46] })).rejects.toThrow('there is no slide 46: the deck has 45 slides');
    expect(existsSync(out)).toBe(false);
  });

  it('follows the output policy: no picture through a symbolic link, none written when one is refused', async () => {
    const out = join(work, 'linked');
    const deck = join(work, 'narrow.md');
    writeFileSync(deck, FOUR_BY_THREE);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    symlinkSync(join(work, 'elsewhere.png'), join(out, 'narrow.slide-02.png'));
    await expect(exportPng({ browser, deckPath: deck, outDir: out })).rejects.toThrow(OutputRefusedError);
    expect(readdirSync(out)).toEqual(['narrow.slide-02.png']);
    expect(existsSync(join(work, 'elsewhere.png'))).toBe(false);
  });
});
