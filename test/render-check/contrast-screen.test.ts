/**
 * The contrast check's screen (src/core/render-check/measure.ts `contrastInPage`) passes text
 * whose colours are plain to see without axe-core, for speed. It must never hide a failure:
 * over decks with colours set every way, the screened check finds exactly what axe-core finds
 * when it checks the whole page; and a house deck needs no axe-core at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderStandaloneHtml } from '../../src/core/render/render';
import { axeSource, contrastInPage } from '../../src/core/render-check/measure';
import { PROJECT_ROOT } from '../helpers/cli';
import { type Browser, chromiumAvailable, launchBrowser } from '../render/browser-page';

const CONTRAST = join(PROJECT_ROOT, 'test', 'fixtures', 'render-check', 'contrast');
const decks = [
  join(PROJECT_ROOT, 'decks', 'masterclass-2010-03-24.md'),
  join(PROJECT_ROOT, 'test', 'fixtures', 'render-check', 'low-contrast.md'),
  ...readdirSync(CONTRAST).map((file) => join(CONTRAST, file)),
];

describe.skipIf(!chromiumAvailable())('the contrast screen (real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function load(deckPath: string) {
    const page = await browser.context.newPage();
    await page.setContent(renderStandaloneHtml(readFileSync(deckPath, 'utf8'), { deckPath }).html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  it('needs no axe-core for the house decks, and asks for it when colours are not plain', async () => {
    for (const [deck, needsAxe] of [
      [decks[0]!, false],
      [join(PROJECT_ROOT, 'decks', 'template.md'), false],
      [join(CONTRAST, 'gaia.md'), true],
      [join(CONTRAST, 'house-colours.md'), true],
    ] as const) {
      const page = await load(deck);
      expect({ deck, result: await page.evaluate(contrastInPage) }).toEqual({ deck, result: needsAxe ? null : [] });
      await page.close();
    }
  });

  for (const deck of decks) {
    it(`finds what axe-core finds over the whole page: ${deck.slice(PROJECT_ROOT.length + 1)}`, async () => {
      const page = await load(deck);
      await page.addScriptTag({ content: axeSource() });
      const screened = ((await page.evaluate(contrastInPage)) ?? []).map((failure) => failure.text).sort();
      const whole = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { nodes: { element: Element }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'], elementRef: true });
        return result.violations.flatMap((violation) => violation.nodes.map((node) => (node.element.textContent ?? '').replace(/\s+/g, ' ').trim()));
      });
      expect(screened).toEqual(whole.map((text) => (text.length > 50 ? `${text.slice(0, 49)}…` : text)).sort());
      await page.close();
    });
  }

  it('the fixtures do fail: low contrast from directives, a style, a box pulled under text', async () => {
    const page = await load(join(CONTRAST, 'house-colours.md'));
    await page.addScriptTag({ content: axeSource() });
    expect(((await page.evaluate(contrastInPage)) ?? []).map((failure) => failure.text).sort()).toEqual([
      'Grey text on grey background.',
      'Teal text pulled over it',
      'emphasis on navy',
    ]);
    await page.close();
  });
});
