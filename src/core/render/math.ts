/**
 * Math in the house renderer: marp-core's KaTeX plugin (`$…$` inline, `$$…$$` blocks; see
 * `mathPlugin` in src/core/marp-options.ts), with KaTeX's fonts embedded as data: URLs from themes/fonts/katex/ (copied there by
 * scripts/copy-fonts.mjs), so math draws offline in the standalone HTML, the PDF and the
 * preview (whose Content-Security-Policy allows `data:` fonts and no network).
 *
 * Prose with money stays prose: marp-core follows Pandoc's rule that a `$` opening math is
 * not followed by a space and a closing `$` is not preceded by one nor followed by a digit,
 * so `$5 and $10` and `£3bn` are text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from './theme';

const fontCache = new Map<string, string>();

function fontDataUrl(name: string): string | undefined {
  let url = fontCache.get(name);
  if (url === undefined) {
    try {
      url = `data:font/woff2;base64,${readFileSync(join(findPackageRoot(), 'themes', 'fonts', 'katex', `${name}.woff2`)).toString('base64')}`;
    } catch {
      url = '';
    }
    fontCache.set(name, url);
  }
  return url || undefined;
}

/**
 * KaTeX's `@font-face` sources (`url(fonts/KaTeX_Main-Regular.woff2) format("woff2"), …woff,
 * …ttf`) replaced by the woff2 file as a data: URL; the CSS of a deck without math is returned
 * as it is. A font that cannot be read keeps its relative source (and the browser falls back).
 */
export function embedMathFonts(css: string): string {
  if (!css.includes('KaTeX_')) return css;
  return css.replace(/src:\s*url\(\s*["']?fonts\/(KaTeX_[\w-]+)\.woff2["']?\s*\)[^;}]*/g, (whole, name: string) => {
    const url = fontDataUrl(name);
    return url ? `src:url(${url}) format("woff2")` : whole;
  });
}
