/**
 * The real-browser page shared by test/render/browser.test.ts and scripts/screenshots.mjs:
 * a deck rendered by renderStandaloneHtml, loaded into Debian's Chromium, measured slide by
 * slide (overflow, overlap with the header and footer bands) and checked with axe-core.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findPackageRoot } from '../../src/core/render/theme';
import { renderStandaloneHtml } from '../../src/core/render/render';
import { axeSource, MAX_TEXTS_PER_SLIDE, measureLayoutInPage } from '../../src/core/render-check/measure';

export const CHROMIUM_PATH = process.env.ISDECK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (`--user-data-dir`), removed again on close. */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'isdeck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The deck the browser checks use: decks/template.md, or the fixture while it is missing. */
export function browserDeckPath(): string {
  const root = findPackageRoot();
  const template = join(root, 'decks', 'template.md');
  return existsSync(template) ? template : join(root, 'test', 'fixtures', 'render', 'all-types.md');
}

/** The same deck at another Marp size (front-matter `size`). */
export function withSize(markdown: string, size: '16:9' | '4:3'): string {
  const front = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/.exec(markdown);
  if (!front) return `---\nmarp: true\nsize: ${size}\n---\n\n${markdown}`;
  const body = front[2] ?? '';
  const yaml = /^size:.*$/m.test(body) ? body.replace(/^size:.*$/m, `size: ${size}`) : `${body}\nsize: ${size}`;
  return `${front[1]}${yaml}${front[3]}${markdown.slice(front[0].length)}`;
}

/** Opens the standalone HTML of `markdown` in a new page and waits for its fonts. */
export async function openDeck(browser: Browser, markdown: string, deckPath: string): Promise<Page> {
  const { html } = renderStandaloneHtml(markdown, { deckPath });
  const page = await browser.context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  return page;
}

export interface SlideReport {
  /** 1-based slide number. */
  slide: number;
  type: string;
  fit: string;
  problems: string[];
  /** Whether the Carlito web font drew the slide's text. */
  carlito: boolean;
}

/**
 * Every slide: content inside the slide and clear of the bands (the core's in-page
 * measurement, as `isdeck lint --render` uses it), plus what only the theme's own checks
 * look for: boxes that clip their content or text wider than its box, and whether the
 * bundled Carlito drew the text.
 */
export async function measureSlides(page: Page): Promise<SlideReport[]> {
  const layout = await page.evaluate(measureLayoutInPage, MAX_TEXTS_PER_SLIDE);
  const extras = await page.evaluate(() => {
    const sections = Array.from(document.querySelectorAll<HTMLElement>('div.marpit section')).filter((s) => {
      const layer = s.getAttribute('data-marpit-advanced-background');
      return layer === null || layer === 'content';
    });
    return sections.map((section) => {
      const problems: string[] = [];
      for (const element of Array.from(section.querySelectorAll<HTMLElement>('*'))) {
        if (element.closest('svg') || element.matches('svg.is-chart + table, svg.is-chart + table *')) continue;
        const name = `<${element.tagName.toLowerCase()}> “${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}”`;
        const style = getComputedStyle(element);
        const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
        if (clips && element.scrollHeight > element.clientHeight + 1) problems.push(`${name} clips its content`);
        if (/^(P|LI|H[1-6]|TD|TH|BLOCKQUOTE)$/.test(element.tagName) && element.scrollWidth > element.clientWidth + 1) {
          problems.push(`${name} has text wider than its box`);
        }
      }
      return {
        type: (section.className || 'content').split(/\s+/)[0] ?? 'content',
        fit: section.dataset.isFit ?? '',
        problems,
        carlito: document.fonts.check('16px Carlito'),
      };
    });
  });
  return layout.map((slide, index) => {
    const extra = extras[index]!;
    const overflow = slide.overflow.map(({ what, where, by }) =>
      where === 'slide' ? `${what} overflows the slide (${by}px)` : `${what} overlaps the ${where} band (${by}px)`,
    );
    return { slide: slide.slide + 1, type: extra.type, fit: extra.fit, problems: [...overflow, ...extra.problems], carlito: extra.carlito };
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core run in the page: WCAG 2.x A/AA (colour contrast included) and best-practice structure rules. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.trim()),
    }));
  });
}

/** The first slide of each house type, as 0-based indices into the deck's slides. */
export async function firstSlideOfEachType(page: Page): Promise<Map<string, number>> {
  const types = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('div.marpit section'))
      .filter((s) => !s.hasAttribute('data-marpit-advanced-background') || s.dataset.marpitAdvancedBackground === 'content')
      .map((s) => (s.className || 'content').split(/\s+/)[0] ?? 'content'),
  );
  const first = new Map<string, number>();
  types.forEach((type, i) => {
    if (!first.has(type)) first.set(type, i);
  });
  return first;
}

/** PNG of one slide (0-based index) as drawn in the page. */
export async function screenshotSlide(page: Page, index: number, path: string): Promise<void> {
  const svg = page.locator('div.marpit > svg[data-marpit-svg]').nth(index);
  await svg.screenshot({ path, animations: 'disabled' });
}
