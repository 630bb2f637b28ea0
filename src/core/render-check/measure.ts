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
  let contrast = await page.evaluate(contrastInPage);
  if (contrast === null) {
    await page.addScriptTag({ content: axeSource() });
    contrast = (await page.evaluate(contrastInPage)) ?? [];
  }
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
      // Zero-width spaces are struts (KaTeX sets them in a 2px font to steady its layout): no text to read.
      const content = (node.textContent ?? '').replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();
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
  element?: Element;
  any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string } }[];
}

/**
 * The contrast check, run inside the page; self-contained, as `measureLayoutInPage` (the
 * preview's webview runs it too, with `axe` loaded from `dist/axe.min.js`).
 *
 * axe-core's colour-contrast rule is the judge, but it costs about 0.3 s a deck whatever it
 * checks (it first models the whole page), more than printing. So a screen runs first: text
 * whose colours are plain to see — an opaque colour on the first opaque background colour of
 * its ancestors, with nothing else painted under or over it (no image, gradient, shadow,
 * translucency, filter, transform or positioned box on the slide, no band or inset shadow
 * under the text) — is passed when its contrast beats WCAG's ratio, the way axe computes it,
 * by a margin. Everything else goes to axe, and only axe reports failures. Returns `null`
 * when some text needs axe and `axe` is not loaded: load it and call again.
 */
export async function contrastInPage(): Promise<ContrastFailure[] | null> {
  const sections = Array.from(document.querySelectorAll('div.marpit section')).filter((section) => {
    const layer = section.getAttribute('data-marpit-advanced-background');
    return layer === null || layer === 'content';
  });
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba | undefined => {
    const match = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(value);
    return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : undefined;
  };
  const luminance = ([r, g, b]: Rgba) => {
    const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (high + 0.05) / (low + 0.05);
  };
  const shadows = (value: string) => value.split(/,(?![^(]*\))/);
  // The house renderer's own: the wordmark (generated text, no text nodes) and the chart's
  // table, kept for assistive technology and clipped out of sight.
  const exempt = (element: Element) => element.closest('.is-wordmark, svg.is-chart + table') !== null;
  const plain = (style: CSSStyleDeclaration) =>
    (style.position === 'static' || style.position === 'relative') &&
    style.transform === 'none' &&
    style.filter === 'none' &&
    style.backdropFilter === 'none' &&
    style.opacity === '1' &&
    style.mixBlendMode === 'normal' &&
    style.float === 'none' &&
    style.textShadow === 'none' &&
    style.backgroundClip !== 'text' &&
    (style.boxShadow === 'none' || shadows(style.boxShadow).every((shadow) => shadow.includes('inset')));
  /** Rects that inset box-shadows leave unpainted, in page pixels; `undefined` when there are none. */
  const unshadowed = (element: Element, style: CSSStyleDeclaration) => {
    if (style.boxShadow === 'none') return undefined;
    const box = element.getBoundingClientRect();
    const scale = box.width / ((element as HTMLElement).offsetWidth || box.width || 1);
    return shadows(style.boxShadow).map((shadow) => {
      const [x = 0, y = 0, blur = 0, spread = 0] = (shadow.match(/-?[\d.]+px/g) ?? []).map((n) => Number.parseFloat(n) * scale);
      const shrink = spread + blur;
      return { left: box.left + x + shrink, right: box.right + x - shrink, top: box.top + y + shrink, bottom: box.bottom + y - shrink };
    });
  };
  const inside = (rect: DOMRect, area: { left: number; right: number; top: number; bottom: number }) =>
    rect.left >= area.left && rect.right <= area.right && rect.top >= area.top && rect.bottom <= area.bottom;

  const pending: Element[] = [];
  for (const section of sections) {
    // Text in an SVG of the slide's own (the house chart) is skipped: axe-core cannot judge it
    // either (drawn shapes may lie under it) and reports it as incomplete, never as failing.
    const inDrawing = (element: Element) => section.contains(element.closest('svg'));
    const elements = Array.from(section.querySelectorAll('*')).filter((element) => !exempt(element) && !inDrawing(element));
    const slideIsPlain = [section, ...elements].every(
      (element) => plain(getComputedStyle(element)) && plain(getComputedStyle(element, '::before')) && plain(getComputedStyle(element, '::after')),
    );
    const sectionStyle = getComputedStyle(section);
    const box = section.getBoundingClientRect();
    const scale = box.height / ((section as HTMLElement).offsetHeight || box.height || 1);
    const px = (name: string) => (Number.parseFloat(sectionStyle.getPropertyValue(name)) || 0) * scale;
    // The theme's bands are the section's own ::before/::after: text over them is not plain.
    const content = { left: box.left, right: box.right, top: box.top + px('--is-header-height') + px('--is-accent-height'), bottom: box.bottom - px('--is-footer-height') };
    // Boxes that paint a background: text over one that is not its ancestor (a box pulled
    // under it by a negative margin, say) is not plain.
    const painted = elements
      .filter((element) => {
        const style = getComputedStyle(element);
        return style.backgroundImage !== 'none' || parse(style.backgroundColor)?.[3] !== 0;
      })
      .map((element) => ({ element, rect: element.getBoundingClientRect() }));
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const element of elements) {
      const nodes = Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (nodes.length === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible' || style.display === 'none') continue;
      const range = document.createRange();
      const rects = nodes.flatMap((node) => {
        range.selectNodeContents(node);
        return Array.from(range.getClientRects());
      });
      if (rects.length === 0) continue;
      let passed = false;
      const fg = parse(style.color);
      const underneath = painted.some((other) => !other.element.contains(element) && rects.some((rect) => overlaps(rect, other.rect)));
      if (slideIsPlain && !underneath && fg?.[3] === 1 && style.webkitTextFillColor === style.color && rects.every((rect) => inside(rect, content))) {
        for (let at: Element | null = element; at && section.contains(at); at = at.parentElement) {
          const atStyle = getComputedStyle(at);
          const areas = unshadowed(at, atStyle);
          if (atStyle.backgroundImage !== 'none' || (areas && !areas.every((area) => rects.every((rect) => inside(rect, area))))) break;
          const bg = parse(atStyle.backgroundColor);
          if (!bg || (bg[3] !== 0 && bg[3] !== 1)) break;
          if (bg[3] === 0) continue;
          // axe-core's sizes: large text is 18 pt, or 14 pt bold, with the pixel size rounded up to a point.
          const points = Math.ceil(Number.parseFloat(style.fontSize) * 72) / 96;
          const bold = Number.parseFloat(style.fontWeight) >= 700 || style.fontWeight === 'bold';
          const required = (bold && points < 14) || (!bold && points < 18) ? 4.5 : 3;
          passed = ratio(fg, bg) > required * 1.02;
          break;
        }
      }
      if (!passed) pending.push(element);
    }
  }
  if (pending.length === 0) return [];
  const axe = (window as unknown as { axe?: { run(context: unknown, options: unknown): Promise<{ violations: { nodes: AxeNode[] }[] }> } }).axe;
  if (!axe) return null;
  const result = await axe.run(
    { include: pending.map((element) => [element]) },
    { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'], elementRef: true },
  );
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const element = node.element;
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
