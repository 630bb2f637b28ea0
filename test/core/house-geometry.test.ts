import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CARLITO_WIDTHS,
  carlitoAdvance,
  COVER_PAD_TOP_PX,
  HOUSE_BANDS_PX,
  TITLE_BAR_PX,
  HOUSE_SIZE_PX,
  px,
  pxToPoints,
  SLIDE_PX,
} from '../../src/core/house-geometry';
import { slideGeometry as pptxGeometry, SLIDE_SIZES } from '../../src/core/export/pptx/layout';
import { FLOW_FIT, slideGeometry as fitGeometry } from '../../src/core/render/fit';

const css = readFileSync(join(__dirname, '..', '..', 'themes', 'improvement-service.css'), 'utf8');

/** The custom properties (`--is-…`, in px) set by every rule whose selector is exactly `selector`, later rules winning. */
function pxProperties(selector: string, theme = css): Map<string, number> {
  const properties = new Map<string, number>();
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const rule of theme.matchAll(new RegExp(`^${escaped} \\{([^}]*)\\}`, 'gm'))) {
    for (const declaration of rule[1]!.matchAll(/(--is-[a-z-]+):\s*(\d+(?:\.\d+)?)px;/g)) {
      properties.set(declaration[1]!, Number(declaration[2]));
    }
  }
  return properties;
}

/** The theme's value of `name` on a slide of `selector`, falling back to the plain `section` rules. */
function themePx(name: string, ...selectors: string[]): number | undefined {
  for (const selector of selectors) {
    const value = pxProperties(selector).get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

describe('house geometry agrees with the theme CSS', () => {
  it('has the bands and paddings of `section`', () => {
    expect({
      header: themePx('--is-header-height', 'section'),
      accent: themePx('--is-accent-height', 'section'),
      footer: themePx('--is-footer-height', 'section'),
      padTop: themePx('--is-pad-top', 'section'),
      padBottom: themePx('--is-pad-bottom', 'section'),
    }).toEqual(HOUSE_BANDS_PX);
    expect(themePx('--is-pad-top', 'section.cover')).toBe(COVER_PAD_TOP_PX);
  });

  it('has the title bar of `section`, and the bar is drawn from it', () => {
    expect({
      width: themePx('--is-title-bar-width', 'section'),
      height: themePx('--is-title-bar-height', 'section'),
      gap: themePx('--is-title-bar-gap', 'section'),
    }).toEqual(TITLE_BAR_PX);
    expect(css).toMatch(/section > h2::after \{[^}]*width: var\(--is-title-bar-width\);\s*height: var\(--is-title-bar-height\);\s*margin-top: var\(--is-title-bar-gap\);/);
  });

  it.each([
    ['16:9', ['section'], ['section.cover']],
    ['4:3', ["section[data-size='4:3']", 'section'], ["section[data-size='4:3'].cover", 'section.cover']],
  ] as const)('has the paddings and type sizes of a %s slide', (size, slide, cover) => {
    expect({
      padX: themePx('--is-pad-x', ...slide),
      baseSize: themePx('--is-base-size', ...slide),
      titleSize: themePx('--is-title-size', ...slide),
      coverPanel: themePx('--is-cover-panel', ...cover),
    }).toEqual(HOUSE_SIZE_PX[size]);
  });

  it('has the slide sizes the theme declares', () => {
    for (const [size, { width, height }] of Object.entries(SLIDE_PX)) {
      expect(css).toContain(`/* @size ${size} ${width}px ${height}px */`);
    }
    expect(css).toMatch(new RegExp(`^section \\{\\n  width: ${SLIDE_PX['16:9'].width}px;\\n  height: ${SLIDE_PX['16:9'].height}px;`, 'm'));
  });

  it('fails on drift: a footer band changed in the CSS alone no longer matches', () => {
    const drifted = css.replace(/--is-footer-height: \d+px;/, '--is-footer-height: 60px;');
    expect(pxProperties('section', drifted).get('--is-footer-height')).toBe(60);
    expect(pxProperties('section', drifted).get('--is-footer-height')).not.toBe(HOUSE_BANDS_PX.footer);
    expect(pxProperties('section.nonexistent').size).toBe(0);
  });
});

describe('every consumer derives from the one module', () => {
  it('gives the browserless fitter the content box the theme lays out', () => {
    expect(fitGeometry('16:9', FLOW_FIT)).toEqual({ width: 1280 - 2 * 64, height: 720 - 44 - 34 - 64 - 16, baseSize: 28, titleSize: 44 });
    expect(fitGeometry('4:3', FLOW_FIT)).toEqual({ width: 960 - 2 * 48, height: 720 - 44 - 34 - 64 - 16, baseSize: 26, titleSize: 40 });
    expect(fitGeometry(undefined, { paddingTop: COVER_PAD_TOP_PX, height: () => 0 }).height).toBe(720 - 44 - 44 - 64 - 16);
  });

  it('gives PowerPoint the same slide in inches and points', () => {
    expect(SLIDE_SIZES).toEqual({ '16:9': { width: 13.333, height: 7.5 }, '4:3': { width: 10, height: 7.5 } });
    const wide = pptxGeometry('16:9');
    expect(wide.margin).toBe(px(64));
    expect(wide.header.h).toBe(px(40));
    expect(wide.footer.h).toBe(px(64));
    expect(wide.sizes).toEqual({ title: { max: 33, min: 24 }, body: { max: 21, min: 13 } });
    expect(pptxGeometry('4:3').sizes).toEqual({ title: { max: 30, min: 24 }, body: { max: 19.5, min: 13 } });
    expect(pxToPoints(44)).toBe(33);
  });

  it('measures Carlito as the generated widths do, regular and bold', () => {
    for (const ch of 'Improvement Service 2026: quality — “fit” £3bn → x⁴') {
      expect(carlitoAdvance(ch, true)).toBe(CARLITO_WIDTHS.bold.get(ch.codePointAt(0)!));
      expect(carlitoAdvance(ch)).toBe(CARLITO_WIDTHS.regular.get(ch.codePointAt(0)!));
    }
    // Carlito's own widths (its hmtx), not a fallback font's: a, bold a, Ā (Latin Extended-A).
    expect([carlitoAdvance('a'), carlitoAdvance('a', true), carlitoAdvance('Ā', true)]).toEqual([479, 494, 606]);
    // A character the font table lacks is taken wide, to err on the safe side.
    expect(carlitoAdvance('漢')).toBe(560);
  });
});
