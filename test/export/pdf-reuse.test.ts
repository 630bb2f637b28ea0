/**
 * A deck exported again unchanged, on a page the browser kept: the page still holds the
 * document, so it is neither loaded nor printed again, and the PDF is the same. Any change
 * (an edit, a handout laid out on the page, another document drawn on it) loads it again.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PdfBrowser } from '../../src/core/export/browser';
import { exportPdf, type PageSource } from '../../src/core/export/pdf';
import { exportPng } from '../../src/core/export/png';
import { readPdf } from '../helpers/pdf';
import { browser as chromium, BROWSER_PATH, needTools } from '../helpers/tools';

const gate = needTools([chromium]);
const TEMPLATE = join(resolve(__dirname, '..', '..'), 'decks', 'template.md');

let browser: PdfBrowser;
let work: string;
/** What the pages were asked to do, in order. */
const calls: string[] = [];

/** The browser's pages, each seen through a view that notes loads and prints (the page itself does the work). */
function watchedPages(): PageSource {
  const views = new Map<Page, Page>();
  const real = new Map<Page, Page>();
  return {
    newPage: async () => {
      const page = await browser.newPage();
      if (!views.has(page)) {
        const view = new Proxy(page, {
          get(target, property) {
            const value = Reflect.get(target, property, target) as unknown;
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              if (property === 'setContent' || property === 'pdf') calls.push(property);
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        });
        views.set(page, view);
        real.set(view, page);
      }
      return views.get(page)!;
    },
    release: (view) => browser.release(real.get(view) ?? view),
  };
}

describe.skipIf(gate.skip)('a page kept between exports', () => {
  beforeAll(async () => {
    gate.assertPresent();
    work = mkdtempSync(join(tmpdir(), 'isdeck-pdf-reuse-'));
    browser = await launchBrowser({ browserPath: BROWSER_PATH });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints an unchanged deck once, and again after any change', { timeout: 120_000 }, async () => {
    const deckPath = join(work, 'deck.md');
    copyFileSync(TEMPLATE, deckPath);
    const pages = watchedPages();
    const outPath = join(work, 'deck.pdf');
    const exportOnce = async (notes = false) => {
      calls.length = 0;
      await exportPdf({ browser: pages, deckPath, outPath, notes });
      return [...calls];
    };

    expect(await exportOnce()).toEqual(['setContent', 'pdf']);
    const first = await readPdf(outPath);
    expect(await exportOnce()).toEqual([]);
    const again = await readPdf(outPath);
    expect(again.pages).toBe(9);
    expect(again.text).toEqual(first.text);

    // The handout lays the page out anew: the next export loads the deck again.
    expect(await exportOnce(true)).toEqual(['pdf']);
    expect((await readPdf(join(work, 'deck.notes.pdf'))).pages).toBe(9);
    expect(await exportOnce()).toEqual(['setContent', 'pdf']);

    // An edit is a new document.
    writeFileSync(deckPath, `${readFileSync(deckPath, 'utf8')}\n---\n\n## One More Slide\n\n- A point\n`);
    expect(await exportOnce()).toEqual(['setContent', 'pdf']);
    expect((await readPdf(outPath)).pages).toBe(10);

    // Another document drawn on the page (pictures of slides): the deck is loaded again.
    await exportPng({ browser: pages, deckPath: TEMPLATE, outDir: join(work, 'pictures'), slides: [1] });
    expect(await exportOnce()).toEqual(['setContent', 'pdf']);
    expect(await exportOnce()).toEqual([]);
  });
});
