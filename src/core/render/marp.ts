/** The house Marp instance: marp-core with the house options, theme, plugins and code highlighting. */
import { Marp, type MarpOptions } from '@marp-team/marp-core';
import { useLinearRules } from '../marp-linear';
import { HOUSE_MARP_OPTIONS, mathPlugin } from '../marp-options';
import { housePlugin } from './house-plugin';
import { highlightCode } from './highlight';
import { embedMathFonts } from './math';
import { rawHtmlPlugin } from './raw-html';
import { HOUSE_THEME_NAME, loadHouseThemeCss } from './theme';

const MATH_CONTEXT = Symbol.for('marp-math-context');

/**
 * marp-core's `Marp`, with the deck CSS memoised: Marpit rebuilds the theme CSS with
 * PostCSS on every render, which costs most of a render with a real theme (fonts embedded).
 * The CSS depends only on the theme, the `size` directive, the deck's `<style>`/`style`
 * (`lastStyles`) and the pack options, so those are the key.
 */
class HouseMarp extends Marp {
  private readonly styleCache = new Map<string, string>();
  /** Whether the last render drew a formula. */
  private drewMath = false;

  protected override renderMarkdown(markdown: string, env?: object): string {
    const html = super.renderMarkdown(markdown, env);
    this.drewMath = html.includes('class="katex');
    return html;
  }

  override highlighter(code: string, lang: string): string {
    return highlightCode(code, lang);
  }

  /**
   * marp-core adds KaTeX's CSS (400 KB with the fonts embedded) to any deck with a `$` in it,
   * money included: left out when no formula was drawn. (marp-core keeps its math state under
   * `Symbol.for('marp-math-context')`; were that to change, the CSS would only be larger.)
   */
  override themeSetPackOptions(): ReturnType<Marp['themeSetPackOptions']> {
    const context = (this as unknown as Record<symbol, { enabled?: boolean } | undefined>)[MATH_CONTEXT];
    if (!context?.enabled || this.drewMath) return super.themeSetPackOptions();
    context.enabled = false;
    try {
      return super.themeSetPackOptions();
    } finally {
      context.enabled = true;
    }
  }

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
      css = embedMathFonts(super.renderStyle(theme));
      if (this.styleCache.size >= 32) this.styleCache.clear();
      this.styleCache.set(key, css);
    }
    return css;
  }
}

export interface HouseMarpOptions {
  /** Draw raw HTML through Marp's allowlist (the configuration's `html: true`); else tags are left out. */
  html?: boolean;
  /** Marpit's container elements (the built-in Markdown preview wraps slides in its own). */
  container?: MarpOptions['container'];
}

/**
 * A new marp-core `Marp` with the house options (raw HTML off unless asked, no runtime
 * script), the house theme registered (and the default, so a deck without `theme:` still gets
 * it) and the house markdown-it plugins. Create one and reuse it: construction costs far more
 * than a render.
 */
export function createHouseMarp(options: HouseMarpOptions = {}): Marp {
  const marp = new HouseMarp({ ...HOUSE_MARP_OPTIONS, ...(options.container ? { container: options.container } : {}), html: options.html ? Marp.html : false });
  const theme = marp.themeSet.add(loadHouseThemeCss());
  marp.themeSet.default = theme;
  if (theme.name !== HOUSE_THEME_NAME) throw new Error(`isdeck: house theme is named ${theme.name}`);
  marp.use(mathPlugin());
  marp.use(rawHtmlPlugin);
  marp.use(housePlugin);
  useLinearRules(marp);
  return marp;
}
