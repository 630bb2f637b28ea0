/**
 * The real-browser page shared by test/render/browser.test.ts and scripts/screenshots.mjs:
 * a deck rendered by renderStandaloneHtml, loaded into Debian's Chromium, measured slide by
 * slide (overflow, overlap with the header and footer bands) and checked with axe-core.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findPackageRoot } from '../../src/core/render/theme';
import { renderStandaloneHtml } from '../../src/core/render/render';

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

/** Every slide: content inside the slide and between the bands, nothing clipped. */
export async function measureSlides(page: Page): Promise<SlideReport[]> {
  return page.evaluate(() => {
    const reports: { slide: number; type: string; fit: string; problems: string[]; carlito: boolean }[] = [];
    const sections = Array.from(document.querySelectorAll<HTMLElement>('div.marpit section')).filter((s) => {
      const layer = s.getAttribute('data-marpit-advanced-background');
      return layer === null || layer === 'content';
    });
    sections.forEach((section, index) => {
      const box = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const px = (name: string) => Number.parseFloat(style.getPropertyValue(name)) || 0;
      const headerBottom = box.top + px('--is-header-height') + px('--is-accent-height');
      const footerTop = box.bottom - px('--is-footer-height');
      const problems: string[] = [];
      const describe = (el: Element) => {
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''}> "${text}"`;
      };
      const walk = (el: Element) => {
        for (const child of Array.from(el.children)) {
          if (child.matches('svg.is-chart + table, .is-sep')) continue;
          const r = child.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          const name = describe(child);
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
            problems.push(`${name} overflows the slide`);
          } else if (r.top < headerBottom - 0.5) {
            problems.push(`${name} overlaps the header band (${Math.round(headerBottom - r.top)}px)`);
          } else if (r.bottom > footerTop + 0.5) {
            problems.push(`${name} overlaps the footer band (${Math.round(r.bottom - footerTop)}px)`);
          }
          const cs = getComputedStyle(child);
          const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
          if (child instanceof HTMLElement) {
            if (clips && child.scrollHeight > child.clientHeight + 1) problems.push(`${name} clips its content`);
            if (/^(P|LI|H[1-6]|TD|TH|BLOCKQUOTE)$/.test(child.tagName) && child.scrollWidth > child.clientWidth + 1) {
              problems.push(`${name} has text wider than its box`);
            }
          }
          if (child.tagName.toLowerCase() !== 'svg') walk(child);
        }
      };
      walk(section);
      const type = (section.className || 'content').split(/\s+/)[0] ?? 'content';
      const carlito = document.fonts.check(`16px Carlito`);
      reports.push({ slide: index + 1, type, fit: section.dataset.isFit ?? '', problems, carlito });
    });
    return reports;
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
  const require = createRequire(join(findPackageRoot(), 'package.json'));
  const source = readFileSync(require.resolve('axe-core'), 'utf8');
  await page.addScriptTag({ content: source });
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
