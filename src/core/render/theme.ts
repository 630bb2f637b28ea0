/**
 * Finds and loads the house theme: `themes/improvement-service.css` with its fonts and
 * wordmark embedded as data: URLs, so rendered CSS is self-contained (PDF, HTML export).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

export const HOUSE_THEME_NAME = 'improvement-service';
export const THEME_FILE = join('themes', 'improvement-service.css');

const MIME: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

export function mimeTypeOf(path: string): string | undefined {
  return MIME[extname(path).toLowerCase()];
}

function walkUp(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, THEME_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let cachedRoot: string | undefined;

/**
 * The isdeck package root: the nearest folder above this module that holds
 * `themes/improvement-service.css`. Works from the TypeScript sources (src/core/render/
 * under vitest) and from the esbuild bundle (dist/*.js); `ISDECK_ROOT` overrides, and the
 * working directory is the last resort.
 */
export function findPackageRoot(): string {
  if (cachedRoot) return cachedRoot;
  const starts = [
    process.env.ISDECK_ROOT,
    typeof __dirname === 'string' ? __dirname : undefined,
    process.argv[1] ? dirname(process.argv[1]) : undefined,
    process.cwd(),
  ];
  for (const start of starts) {
    if (!start) continue;
    const found = walkUp(start);
    if (found) {
      cachedRoot = found;
      return found;
    }
  }
  throw new Error(`isdeck: cannot find ${THEME_FILE} above ${String(starts.filter(Boolean).join(', '))}`);
}

export function themePath(): string {
  return join(findPackageRoot(), THEME_FILE);
}

/** `url(...)` references in CSS; relative ones are embedded by {@link embedCssUrls}. */
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/**
 * Replaces relative `url(...)` references (fonts/, assets/) with data: URLs of the files
 * next to the CSS. Absolute, remote and data: URLs stay as they are; a missing file is
 * left as written (the `local()` fallbacks of the @font-face rules then apply).
 */
export function embedCssUrls(css: string, baseDir: string): string {
  return css.replace(CSS_URL, (whole, _quote: string, ref: string) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(ref)) return whole;
    const file = resolve(baseDir, ref);
    const mime = mimeTypeOf(file);
    if (!mime || !existsSync(file)) return whole;
    return `url("data:${mime};base64,${readFileSync(file).toString('base64')}")`;
  });
}

let cachedCss: string | undefined;

/** The house theme CSS with fonts and wordmark embedded (read once). */
export function loadHouseThemeCss(): string {
  if (cachedCss === undefined) {
    const file = themePath();
    cachedCss = embedCssUrls(readFileSync(file, 'utf8'), dirname(file));
  }
  return cachedCss;
}
