import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findPackageRoot } from '../render/theme';
import type { SlideMeasurement } from '../rules/rule';

/** Texts measured a slide are capped: a rule needs the smallest, not thousands of entries. */
export const MAX_TEXTS_PER_SLIDE = 200;

/**
 * Measures every slide of a deck drawn by the house renderer's standalone HTML: what runs
 * out of the slide or into the header/footer band, the size each text is drawn at, and the
 * colour-contrast failures axe-core finds. The page must hold the deck, fonts loaded.
 */
export async function measureSlides(page: Page): Promise<SlideMeasurement[]> {
  const layout = await page.evaluate(measureLayoutInPage, MAX_TEXTS_PER_SLIDE);
  await page.addScriptTag({ content: axeSource() });
  const contrast = await page.evaluate(contrastInPage);
  return withContrast(layout, contrast);
}

/** What `measureLayoutInPage` finds on one slide: everything but the contrast failures. */
export type SlideLayout = Omit<SlideMeasurement, 'contrast'>;

/** One colour-contrast failure `contrastInPage` finds, with the 0-based slide it is on. */
export type ContrastFailure = SlideMeasurement['contrast'][number] & { slide: number };

/** The layout of each slide with its contrast failures: the measurements the rendered rules read. */
export function withContrast(layout: readonly SlideLayout[], failures: readonly ContrastFailure[]): SlideMeasurement[] {
  const bySlide = new Map<number, SlideMeasurement['contrast']>();
  for (const { slide, ...failure } of failures) {
    if (slide < 0) continue;
    bySlide.set(slide, [...(bySlide.get(slide) ?? []), failure]);
  }
  return layout.map((slide) => ({ ...slide, contrast: bySlide.get(slide.slide) ?? [] }));
}

/**
 * Runs inside the page: by playwright here, and by the VS Code preview's webview, which loads
 * it from `dist/preview-measure.js` (written from this function's source by
 * scripts/build-extension.mjs). So it must not refer to anything outside itself.
 * Bands come from the theme's custom properties. Everything is measured in the slide's own
 * CSS pixels (a 720 px high slide), whatever size the slide is drawn at: the preview scales
 * the slides to its width, and `getBoundingClientRect` gives drawn (scaled) pixels.
 */
export function measureLayoutInPage(maxTexts: number): SlideLayout[] {
  const sections = Array.from(document.querySelectorAll<HTMLElement>('div.marpit section')).filter((section) => {
    const layer = section.getAttribute('data-marpit-advanced-background');
    return layer === null || layer === 'content';
  });
  return sections.map((section, slide) => {
    const box = section.getBoundingClientRect();
    const style = getComputedStyle(section);
    const px = (name: string) => Number.parseFloat(style.getPropertyValue(name)) || 0;
    // Drawn pixels to slide pixels; the bands are in slide pixels (custom properties are not scaled).
    const scale = 720 / (box.height || 720);
    const headerBottom = box.top + (px('--is-header-height') + px('--is-accent-height')) / scale;
    const footerTop = box.bottom - px('--is-footer-height') / scale;
    const describe = (element: Element) => {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '') return `“${text.length > 50 ? `${text.slice(0, 49)}…` : text}”`;
      const image = element instanceof HTMLImageElement ? element : element.querySelector('img');
      return image ? `the image “${image.alt}”` : `<${element.tagName.toLowerCase()}>`;
    };
    const overflow: SlideLayout['overflow'] = [];
    const walk = (element: Element) => {
      for (const child of Array.from(element.children)) {
        // A chart's table stays in the page for assistive technology, hidden from sight.
        if (child.matches('svg.is-chart + table, .is-sep')) continue;
        const rect = child.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        const past = Math.max(box.left - rect.left, rect.right - box.right, box.top - rect.top, rect.bottom - box.bottom) * scale;
        const intoHeader = (headerBottom - rect.top) * scale;
        const intoFooter = (rect.bottom - footerTop) * scale;
        if (past > 1) overflow.push({ what: describe(child), where: 'slide', by: Math.round(past) });
        else if (intoHeader > 0.5) overflow.push({ what: describe(child), where: 'header', by: Math.round(intoHeader) });
        else if (intoFooter > 0.5) overflow.push({ what: describe(child), where: 'footer', by: Math.round(intoFooter) });
        else if (child.tagName.toLowerCase() !== 'svg') walk(child);
      }
    };
    walk(section);
    const text: SlideLayout['text'] = [];
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && text.length < maxTexts; node = walker.nextNode()) {
      const content = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (content === '' || !parent) continue;
      const rect = parent.getBoundingClientRect();
      if (rect.width * scale <= 1 || rect.height * scale <= 1 || parent.closest('svg.is-chart + table')) continue;
      const parentStyle = getComputedStyle(parent);
      if (parentStyle.visibility === 'hidden' || parentStyle.display === 'none') continue;
      // A computed font size is in the CSS pixels of its nearest <svg>'s user space (Marp's
      // slide <svg>, or a chart's): its drawn width over its viewBox width gives drawn pixels.
      const svg = parent.closest('svg');
      const svgScale = svg instanceof SVGSVGElement && svg.viewBox.baseVal.width > 0 ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
      const size = Number.parseFloat(parentStyle.fontSize) * svgScale * scale;
      text.push({ text: content.length > 50 ? `${content.slice(0, 49)}…` : content, px: Math.round(size * 10) / 10 });
    }
    return { slide, overflow, text };
  });
}

interface AxeNode {
  target: string[];
  any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string } }[];
}

/**
 * axe-core's colour-contrast rule, run inside the page where `axe` is loaded (by playwright
 * here, by the preview's webview from `dist/axe.min.js`); self-contained, as
 * `measureLayoutInPage`. Each failure names its 0-based slide.
 */
export async function contrastInPage(): Promise<ContrastFailure[]> {
  const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { nodes: AxeNode[] }[] }> } }).axe;
  const sections = Array.from(document.querySelectorAll('div.marpit section')).filter((section) => {
    const layer = section.getAttribute('data-marpit-advanced-background');
    return layer === null || layer === 'content';
  });
  const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const element = document.querySelector(node.target[0] ?? '');
      const data = node.any[0]?.data ?? {};
      const text = (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        slide: element ? sections.indexOf(element.closest('section') as Element) : -1,
        text: text.length > 50 ? `${text.slice(0, 49)}…` : text,
        ratio: data.contrastRatio ?? 0,
        required: Number.parseFloat(data.expectedContrastRatio ?? '4.5'),
        foreground: data.fgColor ?? '',
        background: data.bgColor ?? '',
      };
    }),
  );
}

let axe: string | undefined;

/** axe-core's browser build, read once from the installed package. */
export function axeSource(): string {
  axe ??= readFileSync(createRequire(join(findPackageRoot(), 'package.json')).resolve('axe-core'), 'utf8');
  return axe;
}
