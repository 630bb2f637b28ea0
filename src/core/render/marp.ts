/** The house Marp instance: marp-core with the house options, theme and plugin. */
import { Marp, type MarpOptions } from '@marp-team/marp-core';
import { useLinearRules } from '../marp-linear';
import { HOUSE_MARP_OPTIONS } from '../marp-options';
import { housePlugin } from './chart-plugin';
import type { MarkdownIt } from './markdown-it-types';
import { HOUSE_THEME_NAME, loadHouseThemeCss } from './theme';

/**
 * marp-core's `Marp`, with the deck CSS memoised: Marpit rebuilds the theme CSS with
 * PostCSS on every render, which costs most of a render with a real theme (fonts embedded).
 * The CSS depends only on the theme, the `size` directive, the deck's `<style>`/`style`
 * (`lastStyles`) and the pack options, so those are the key.
 */
class HouseMarp extends Marp {
  private readonly styleCache = new Map<string, string>();

  protected override renderStyle(theme?: string): string {
    const self = this as unknown as { lastStyles?: string[]; lastGlobalDirectives?: Record<string, unknown> };
    const key = JSON.stringify([
      theme ?? null,
      self.lastGlobalDirectives?.size ?? null,
      self.lastStyles ?? [],
      this.themeSet.size,
      this.themeSetPackOptions(),
    ]);
    let css = this.styleCache.get(key);
    if (css === undefined) {
      css = super.renderStyle(theme);
      if (this.styleCache.size >= 32) this.styleCache.clear();
      this.styleCache.set(key, css);
    }
    return css;
  }
}

/**
 * A new marp-core `Marp` with raw HTML off, math off, no runtime script, the house theme
 * registered (and the default, so a deck without `theme:` still gets it) and the house
 * markdown-it plugin. Create one and reuse it: construction costs far more than a render.
 */
export function createHouseMarp(options: MarpOptions = {}): Marp {
  const marp = new HouseMarp({ ...HOUSE_MARP_OPTIONS, ...options, html: false });
  const theme = marp.themeSet.add(loadHouseThemeCss());
  marp.themeSet.default = theme;
  if (theme.name !== HOUSE_THEME_NAME) throw new Error(`isdeck: house theme is named ${theme.name}`);
  marp.use(housePlugin as unknown as (md: MarkdownIt) => void);
  useLinearRules(marp);
  return marp;
}
