/**
 * The presentation (`isdeck export --present`) in a real Chromium: one file that runs only its
 * own script (allowed by hash), moves through the deck with the keys a keyboard or a clicker
 * sends, and opens a presenter view (notes, next slide, timer) kept in step with it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHtml } from '../../src/core/export/html';
import { presentationPolicy } from '../../src/core/render/present';
import { browser as chromiumTool, BROWSER_PATH, needTools } from '../helpers/tools';

const gate = needTools([chromiumTool]);

// A 1×1 PNG: a picture in the workspace, embedded.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const DECK = `---
marp: true
theme: improvement-service
title: Presenting
---

<!-- _class: cover -->

Elected Members Masterclass
24/03/2026

# Presenting

Jane Smith
The Improvement Service

<!-- Welcome everyone. -->

---

## Second Slide

- A point <script>window.injected = true</script>

![A dot](dot.png)

![From the web](https://example.org/remote.png)

<!-- The second slide's notes.

A second paragraph. -->

${Array.from({ length: 10 }, (_, index) => `---\n\n## Slide ${index + 3}\n\n- Point ${index + 3}\n`).join('\n')}`;

let browser: Browser;
let work: string;
let file: string;

describe.skipIf(gate.skip)('the presentation', () => {
  beforeAll(async () => {
    gate.assertPresent();
    work = mkdtempSync(join(tmpdir(), 'isdeck-present-test-'));
    writeFileSync(join(work, '.isdeckrc.json'), '{"root": true}\n');
    writeFileSync(join(work, 'dot.png'), PIXEL);
    writeFileSync(join(work, 'talk.md'), DECK);
    file = join(work, 'talk.present.html');
    browser = await chromium.launch({ executablePath: BROWSER_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('is one file: slides, fonts and the workspace picture embedded, the web picture left out and named', async () => {
    const result = await exportHtml(join(work, 'talk.md'), file, { present: true });
    expect(result.slideCount).toBe(12);
    expect(result.warnings).toEqual([
      { path: 'https://example.org/remote.png', kind: 'left-out', message: 'The image `https://example.org/remote.png` is a web address, and was left out: the presentation works offline.' },
    ]);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).not.toContain('example.org');
    expect(html).toMatch(/@font-face[^}]*url\(["']?data:font\/woff2/);
  });

  it('runs exactly one script, allowed by its hash, and nothing else', async () => {
    const html = readFileSync(file, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((match) => match[1])).toEqual([' type="application/json" id="isdeck-notes"', '']);
    const hash = createHash('sha256').update(scripts[1]![2]!, 'utf8').digest('base64');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toBe(presentationPolicy());
    expect(policy).toContain(`script-src 'sha256-${hash}';`);
    expect(policy).toMatch(/^default-src 'none';/);
    // Raw HTML stays off: the deck's <script> tags are left out, the text between them stays text.
    expect(html).not.toContain('<script>window.injected');
    expect(html).toContain('<li>A point window.injected = true</li>');
  });

  describe('in the browser', () => {
    let page: Page;
    const problems: string[] = [];
    const requests: string[] = [];
    const slide = () => page.evaluate(() => Number(document.body.dataset.slide));
    const shown = () => page.evaluate(() => Array.from(document.querySelectorAll('svg[data-marpit-svg]')).filter((svg) => getComputedStyle(svg).display !== 'none').length);

    beforeAll(async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      context.on('request', (request) => {
        if (!/^(?:file|data):/.test(request.url())) requests.push(request.url());
      });
      page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(pathToFileURL(file).href);
    });

    it('shows one slide, filling the window, and moves with the keys of a keyboard or a clicker', async () => {
      expect(await slide()).toBe(1);
      expect(await shown()).toBe(1);
      const box = await page.locator('svg.isdeck-current').boundingBox();
      expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
      const steps: [string, number][] = [
        ['ArrowRight', 2],
        ['PageDown', 3],
        ['Space', 4],
        ['ArrowDown', 5],
        ['Enter', 6],
        ['ArrowLeft', 5],
        ['PageUp', 4],
        ['Shift+Space', 3],
        ['ArrowUp', 2],
        ['End', 12],
        ['ArrowRight', 12],
        ['Home', 1],
        ['ArrowLeft', 1],
      ];
      const seen: number[] = [];
      for (const [key] of steps) {
        await page.keyboard.press(key);
        seen.push(await slide());
      }
      expect(seen).toEqual(steps.map(([, expected]) => expected));
      expect(await shown()).toBe(1);
    });

    it('goes to a slide by its number and Enter, and keeps the slide in the address', async () => {
      await page.keyboard.type('10');
      expect(await page.locator('#isdeck-goto').textContent()).toBe('Go to slide 10');
      await page.keyboard.press('Enter');
      expect(await slide()).toBe(10);
      expect(new URL(page.url()).hash).toBe('#10');
      await page.reload();
      expect(await slide()).toBe(10);
      await page.mouse.click(640, 360);
      expect(await slide()).toBe(11);
    });

    it('blanks the screen with B and back', async () => {
      await page.keyboard.press('b');
      expect(await page.evaluate(() => getComputedStyle(document.getElementById('isdeck-stage')!).visibility)).toBe('hidden');
      await page.keyboard.press('b');
      expect(await page.evaluate(() => getComputedStyle(document.getElementById('isdeck-stage')!).visibility)).toBe('visible');
    });

    it('opens the presenter view: notes, next slide and a timer, both windows on the same slide', async () => {
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      const [presenter] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('p')]);
      await presenter.waitForLoadState();
      expect(new URL(presenter.url()).hash).toBe('#presenter');
      const read = () =>
        presenter.evaluate(() => ({
          slide: Number(document.body.dataset.slide),
          position: document.querySelector('[data-box="position"]')!.textContent,
          notes: Array.from(document.querySelectorAll('[data-box="notes"] p')).map((p) => p.textContent),
          current: document.querySelector('[data-box="current"] h2')?.textContent,
          next: document.querySelector('[data-box="next"] h2')?.textContent,
          timer: document.querySelector('[data-box="timer"]')!.textContent,
        }));
      await expect.poll(async () => (await read()).slide).toBe(2);
      const first = await read();
      expect(first).toMatchObject({
        position: 'Slide 2 of 12',
        notes: ["The second slide's notes.", 'A second paragraph.'],
        current: 'Second Slide',
        next: 'Slide 3',
      });
      expect(first.timer).toMatch(/^00:0\d$/);
      await expect.poll(async () => (await read()).timer, { timeout: 5000 }).not.toBe(first.timer);

      // Keys in the presenter view move the audience window, and back.
      await presenter.keyboard.press('ArrowRight');
      await expect.poll(slide).toBe(3);
      await page.keyboard.press('End');
      await expect.poll(async () => (await read()).slide).toBe(12);
      expect(await read()).toMatchObject({ notes: ['No presenter notes.'], next: undefined });
      expect(await presenter.locator('[data-box="next"]').textContent()).toBe('End of the deck');
      await presenter.keyboard.press('Home');
      await expect.poll(slide).toBe(1);
      expect((await read()).notes).toEqual(['Welcome everyone.']);
      await presenter.close();
    });

    it('loaded nothing from anywhere, and the page reported no error (no policy violation)', async () => {
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
      // The policy is in force: a script added to the page does not run.
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.added = true';
        document.body.appendChild(script);
        return (window as unknown as { added?: boolean }).added === true;
      });
      expect(ran).toBe(false);
    });
  });
});
