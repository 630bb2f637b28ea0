/**
 * Rendering a deck with the house Marp instance: HTML and CSS for the exporters and the
 * preview, and one self-contained HTML document for `isdeck export --html`.
 */
import type { Marp } from '@marp-team/marp-core';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeckBudgets, DeckBudgetError } from '../deck/budgets';
import { parseYamlValue } from '../yaml-budget';
import { splitLines, stripByteOrderMark, wellFormed } from '../deck/source-text';
import { FIRST_H1_ENV, IMAGE_RESOLVER_ENV, type ImageResolver } from './chart-plugin';
import { createHouseMarp } from './marp';
import { mimeTypeOf } from './theme';

export interface RenderDeckOptions {
  /**
   * Maps each image source to the source to draw, or `null` to leave the image out
   * (inline and background images alike).
   */
  resolveImage?: ImageResolver;
}

export interface SlideSize {
  /** `16:9` or `4:3` (the `size` directive; `16:9` when absent). */
  name: string;
  width: number;
  height: number;
}

export interface RenderedDeck {
  /** Marp's HTML: `<div class="marpit">` with one `<section>` a slide. */
  html: string;
  /** Marp's CSS for the deck, house theme included (fonts and wordmark as data: URLs). */
  css: string;
  slideCount: number;
  /** Presenter notes: the HTML comments of each slide, one array a slide. */
  comments: string[][];
  /** Front-matter `lang`, else `en-GB`. */
  lang: string;
  /** Front-matter `title`, else the first `#` heading, else `Presentation`. */
  title: string;
  size: SlideSize;
}

const SIZES: Record<string, SlideSize> = {
  '16:9': { name: '16:9', width: 1280, height: 720 },
  '4:3': { name: '4:3', width: 960, height: 720 },
};

let shared: Marp | undefined;

/** The process-wide house Marp instance (created on first use). */
export function houseMarp(): Marp {
  shared ??= createHouseMarp();
  return shared;
}

/** Front-matter of a deck as plain data (empty when there is none or it does not parse). */
export function readFrontMatter(markdown: string): Record<string, unknown> {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return {};
  try {
    const data: unknown = parseYamlValue(match[1] ?? '');
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Renders a deck with the shared house Marp instance; throws {@link DeckBudgetError} for a deck past a budget. */
export function renderDeck(markdown: string, options: RenderDeckOptions = {}): RenderedDeck {
  const refused = checkDeckBudgets(splitLines(stripByteOrderMark(markdown)));
  if (refused) throw new DeckBudgetError(refused);
  const marp = houseMarp();
  const env: Record<string, unknown> = {};
  if (options.resolveImage) env[IMAGE_RESOLVER_ENV] = options.resolveImage;
  const { html, css, comments } = marp.render(wellFormed(markdown), env);
  const firstHeading = typeof env[FIRST_H1_ENV] === 'string' ? (env[FIRST_H1_ENV] as string) : '';
  const front = readFrontMatter(markdown);
  const globals = ((marp as unknown as { lastGlobalDirectives?: Record<string, unknown> }).lastGlobalDirectives ??
    {}) as Record<string, unknown>;
  const sizeName = typeof globals.size === 'string' ? globals.size : typeof front.size === 'string' ? front.size : '16:9';
  const lang =
    typeof globals.lang === 'string' && globals.lang
      ? globals.lang
      : typeof front.lang === 'string' && front.lang
        ? front.lang
        : 'en-GB';
  const title =
    (typeof front.title === 'string' && front.title.trim()) ||
    firstHeading ||
    'Presentation';
  return {
    html,
    css,
    slideCount: comments.length,
    comments,
    lang,
    title,
    size: SIZES[sizeName] ?? SIZES['16:9']!,
  };
}

export interface RenderWarning {
  /** The image source as written in the deck. */
  path: string;
  message: string;
}

export interface StandaloneHtml {
  /** A complete `<!doctype html>` document: CSS inlined, fonts and images as data: URLs. */
  html: string;
  /** Images left out (outside the deck's folder, missing, not an image) or not embedded (remote). */
  warnings: RenderWarning[];
  slideCount: number;
  title: string;
  lang: string;
  size: SlideSize;
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * An image resolver that embeds local images inside `deckDir`'s folder tree as data: URLs
 * and leaves out (with a warning) any other local image; remote and data: sources stay.
 */
export function embeddingImageResolver(deckDir: string, warnings: RenderWarning[]): ImageResolver {
  const root = existsSync(deckDir) ? realpathSync(deckDir) : resolve(deckDir);
  const seen = new Map<string, string | null>();
  const warn = (path: string, message: string): null => {
    if (!warnings.some((w) => w.path === path && w.message === message)) warnings.push({ path, message });
    return null;
  };
  const resolveOne = (src: string): string | null => {
    if (src === '' || /^data:/i.test(src)) return src;
    if (/^(?:https?:)?\/\//i.test(src)) {
      warn(src, 'remote image not embedded: the document loads it when opened');
      return src;
    }
    let file: string;
    try {
      if (/^file:/i.test(src)) file = fileURLToPath(src);
      else if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) {
        return warn(src, 'image left out: unsupported URL scheme');
      } else {
        const path = decodeURIComponent(src.replace(/[?#].*$/, ''));
        file = resolve(deckDir, path);
      }
    } catch {
      return warn(src, 'image left out: the path cannot be read');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return warn(src, 'image left out: file not found');
    const real = realpathSync(file);
    if (!isInside(root, real)) return warn(src, `image left out: ${real} is outside the deck's folder ${root}`);
    const mime = mimeTypeOf(real);
    if (!mime) return warn(src, 'image left out: not a PNG, JPEG, GIF, WebP, AVIF or SVG image');
    return `data:${mime};base64,${readFileSync(real).toString('base64')}`;
  };
  return (src) => {
    if (!seen.has(src)) seen.set(src, resolveOne(src));
    return seen.get(src) ?? null;
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);
}

/** Page CSS of the standalone document: slides one under another on screen, a page each in print. */
function pageCss(size: SlideSize): string {
  return `
html { background: #e9edf2; }
body { margin: 0; padding: 32px 16px; }
main { display: block; }
div.marpit { display: flex; flex-direction: column; align-items: center; gap: 32px; }
div.marpit > svg[data-marpit-svg] { display: block; width: ${size.width}px; height: ${size.height}px; max-width: none; flex: none; box-shadow: 0 2px 12px rgba(27, 54, 93, 0.25); background: #fff; }
@page { size: ${size.width}px ${size.height}px; margin: 0; }
@media print {
  html, body { background: none; margin: 0; padding: 0; }
  div.marpit { display: block; }
  div.marpit > svg[data-marpit-svg] { box-shadow: none; break-after: page; break-inside: avoid; }
  div.marpit > svg[data-marpit-svg]:last-child { break-after: auto; }
}
`;
}

/**
 * One self-contained HTML document of a deck: `<html lang>` from the front-matter (default
 * en-GB), `<title>`, the deck's CSS inlined with the fonts embedded, local images inside the
 * deck's folder tree embedded as data: URLs (others left out and listed in `warnings`),
 * the slides one after another at their size, and `@page` at the slide size for print.
 */
export function renderStandaloneHtml(markdown: string, options: { deckPath: string }): StandaloneHtml {
  const warnings: RenderWarning[] = [];
  const deckDir = dirname(resolve(options.deckPath));
  const deck = renderDeck(markdown, { resolveImage: embeddingImageResolver(deckDir, warnings) });
  const html = `<!doctype html>
<html lang="${escapeHtml(deck.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="isdeck">
<title>${escapeHtml(deck.title)}</title>
<style>
${deck.css}
${pageCss(deck.size)}</style>
</head>
<body>
<main aria-label="${escapeHtml(deck.title)}">
${deck.html}
</main>
</body>
</html>
`;
  return { html, warnings, slideCount: deck.slideCount, title: deck.title, lang: deck.lang, size: deck.size };
}
