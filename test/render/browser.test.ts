/**
 * The house theme in a real browser (Debian's Chromium through playwright-core): every slide
 * of the template, the rebuilt seed deck and the fixtures at 16:9 and 4:3 keeps its content inside the slide
 * and clear of the header and footer bands, and axe-core finds no WCAG A/AA or best-practice
 * violations (colour contrast included). scripts/screenshots.mjs shoots the same page.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDeck, renderStandaloneHtml } from '../../src/core/render/render';
import { findPackageRoot } from '../../src/core/render/theme';
import {
  type Browser,
  browserDeckPath,
  CHROMIUM_PATH,
  measureSlides,
  openDeck,
  runAxe,
  withSize,
} from './browser-page';
import { chromiumTool, needTools } from '../helpers/tools';

const chromium = needTools([chromiumTool(CHROMIUM_PATH, 'ISDECK_CHROMIUM')]);

const root = findPackageRoot();
const decks = [
  browserDeckPath(),
  join(root, 'decks/masterclass-2010-03-24.md'),
  join(root, 'test/fixtures/render/all-types.md'),
  join(root, 'test/fixtures/render/dense.md'),
  join(root, 'test/fixtures/render/figure.md'),
  join(root, 'test/fixtures/render/math.md'),
  join(root, 'test/fixtures/render/code-and-fit.md'),
];

describe.skipIf(chromium.skip)('house theme in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    chromium.assertPresent();
    const { launchBrowser } = await import('./browser-page');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const deckPath of decks) {
    for (const size of ['16:9', '4:3'] as const) {
      describe(`${basename(deckPath)} at ${size}`, () => {
        let page: Page;
        const markdown = withSize(readFileSync(deckPath, 'utf8'), size);

        beforeAll(async () => {
          page = await openDeck(browser, markdown, deckPath);
        });

        afterAll(async () => {
          await page?.close();
        });

        it('keeps every slide’s content inside the slide and clear of the header and footer bands', async () => {
          const reports = await measureSlides(page);
          expect(reports).toHaveLength(renderDeck(markdown).slideCount);
          const problems = reports.flatMap((r) => r.problems.map((p) => `slide ${r.slide} (${r.type}, fit ${r.fit}): ${p}`));
          expect(problems).toEqual([]);
          expect(reports.every((r) => r.carlito)).toBe(true);
        });

        it('has no axe-core violations (WCAG 2.2 A/AA incl. colour contrast, best practice)', async () => {
          const violations = await runAxe(page);
          expect(violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.slice(0, 3).join('\n  ')}`)).toEqual([]);
        });
      });
    }
  }

  it('shrinks a large image under three bullets into the room above the footer, keeping its shape', async () => {
    const deckPath = join(root, 'test/fixtures/render/figure.md');
    const page = await openDeck(browser, readFileSync(deckPath, 'utf8'), deckPath);
    try {
      const boxes = await page.evaluate(() =>
        Array.from(document.querySelectorAll('div.marpit section img')).map((img) => {
          const section = img.closest('section')!.getBoundingClientRect();
          const box = img.getBoundingClientRect();
          return { height: box.height, bottom: box.bottom - section.top, ratio: box.width / box.height };
        }),
      );
      // Slide 2: title, three bullets, then the 1200 × 800 picture, above the 64 px footer band.
      expect(boxes[0]!.bottom).toBeLessThanOrEqual(720 - 64);
      expect(boxes[0]!.height).toBeGreaterThan(250);
      for (const box of boxes) expect(box.ratio).toBeCloseTo(1.5, 1);
    } finally {
      await page.close();
    }
  });

  it('fits a `<!-- fit -->` heading to the slide’s width on one line, and shrinks a code block until its longest line fits', async () => {
    const deckPath = join(root, 'test/fixtures/render/code-and-fit.md');
    for (const size of ['16:9', '4:3'] as const) {
      const page = await openDeck(browser, withSize(readFileSync(deckPath, 'utf8'), size), deckPath);
      try {
        const [long, short, code] = await page.evaluate(() => {
          const sections = Array.from(document.querySelectorAll('div.marpit section'));
          const heading = (index: number) => {
            const section = sections[index]!;
            const style = getComputedStyle(section);
            const content = section.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
            const h2 = section.querySelector('h2')!;
            const range = document.createRange();
            range.selectNodeContents(h2);
            const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
            return { share: range.getBoundingClientRect().width / content, lines: lines.size, size: Number.parseFloat(getComputedStyle(h2).fontSize) };
          };
          const pre = sections[4]!.querySelector('pre')!;
          return [heading(1), heading(2), { scroll: pre.scrollWidth, client: pre.clientWidth, size: Number.parseFloat(getComputedStyle(pre.querySelector('code')!).fontSize) }] as const;
        });
        expect(long.lines).toBe(1);
        expect(long.share).toBeGreaterThan(0.9);
        expect(long.share).toBeLessThanOrEqual(1);
        expect(short.lines).toBe(1);
        expect(short.share).toBeGreaterThan(0.9);
        expect(short.size).toBeGreaterThan(100);
        expect(code.scroll).toBeLessThanOrEqual(code.client);
        expect(code.size).toBeLessThan(19.6);
      } finally {
        await page.close();
      }
    }
  });

  it('draws math with the embedded KaTeX fonts, the network cut off', async () => {
    const deckPath = join(root, 'test/fixtures/render/math.md');
    const { html } = renderStandaloneHtml(readFileSync(deckPath, 'utf8'), { deckPath });
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.route('**/*', (route) => route.abort());
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return Array.from(document.fonts as unknown as Iterable<FontFace>).filter((font) => font.status === 'loaded').map((font) => font.family.replace(/"/g, ''));
      });
      expect(fonts).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Size2', 'Carlito']));
      expect(requests).toEqual([]);
      // Laid out by KaTeX's CSS: the fraction's 1 stands above its n.
      const [one, n] = await page.evaluate(() => {
        const leaves = Array.from(document.querySelectorAll('.katex-display .mfrac .mord')).filter((element) => element.children.length === 0);
        return ['1', 'n'].map((text) => leaves.find((element) => element.textContent === text)!.getBoundingClientRect());
      });
      expect(one!.bottom).toBeLessThanOrEqual(n!.top + 2);
    } finally {
      await page.close();
    }
  });

  describe('the checks can fail', () => {
    it('reports content pushed into the footer band', async () => {
      const bullets = Array.from({ length: 24 }, (_, i) => `- Point ${i} ${'with many words '.repeat(6)}`).join('\n');
      const markdown = `---\nmarp: true\ntheme: improvement-service\nsize: 4:3\n---\n\n## Too much\n\n${bullets}\n`;
      const page = await openDeck(browser, markdown, join(root, 'decks', 'x.md'));
      try {
        const [report] = await measureSlides(page);
        expect(report?.problems.join('\n')).toMatch(/overlaps the footer band|overflows the slide/);
      } finally {
        await page.close();
      }
    });

    it('sees the slides’ text: a low-contrast override is a colour-contrast violation', async () => {
      const page = await openDeck(browser, readFileSync(decks[0] ?? '', 'utf8'), decks[0] ?? '');
      try {
        await page.addStyleTag({ content: 'div.marpit section li { color: #b8b8b8 !important; }' });
        const violations = await runAxe(page);
        expect(violations.map((v) => v.id)).toContain('color-contrast');
      } finally {
        await page.close();
      }
    });
  });
});
