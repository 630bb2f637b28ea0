/**
 * Rendering a deck with the house Marp instance: HTML and CSS for the exporters and the
 * preview, and one self-contained HTML document for `isdeck export --html`.
 */
import type { Marp } from '@marp-team/marp-core';
import { dirname, resolve } from 'node:path';
import { findWorkspaceRoot } from '../config/workspace';
import { embeddingImageResolver, type PictureWarning } from '../images/embed';
import { checkDeckBudgets, DeckBudgetError } from '../deck/budgets';
import { parseYamlValue } from '../yaml-budget';
import { splitLines, stripByteOrderMark, wellFormed } from '../deck/source-text';
import { SLIDE_PX } from '../house-geometry';
import { FIRST_H1_ENV, IMAGE_RESOLVER_ENV, type ImageResolver } from './house-plugin';
import { createHouseMarp } from './marp';

export interface RenderDeckOptions {
  /** Draw raw HTML through Marp's allowlist (the configuration's `html: true`). */
  html?: boolean;
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
  '16:9': { name: '16:9', ...SLIDE_PX['16:9'] },
  '4:3': { name: '4:3', ...SLIDE_PX['4:3'] },
};

const shared = new Map<boolean, Marp>();

/** The process-wide house Marp instance for a raw HTML setting (created on first use). */
export function houseMarp(html = false): Marp {
  let marp = shared.get(html);
  if (!marp) {
    marp = createHouseMarp({ html });
    shared.set(html, marp);
  }
  return marp;
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
  const marp = houseMarp(options.html ?? false);
  const env: Record<string, unknown> = {};
  if (options.resolveImage) env[IMAGE_RESOLVER_ENV] = options.resolveImage;
  const { html, css, comments } = marp.render(wellFormed(markdown), env);
  const firstHeading = typeof env[FIRST_H1_ENV] === 'string' ? (env[FIRST_H1_ENV]) : '';
  const front = readFrontMatter(markdown);
  const globals = ((marp as unknown as { lastGlobalDirectives?: Record<string, unknown> }).lastGlobalDirectives ??
    {});
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

/** A picture left out, or kept as a web address (see {@link embeddingImageResolver}). */
export type RenderWarning = PictureWarning;

export interface StandaloneHtml {
  /** A complete `<!doctype html>` document: CSS inlined, fonts and images as data: URLs. */
  html: string;
  /** Pictures left out (refused by the picture policy, unreadable, not an image) or not embedded (web addresses). */
  warnings: RenderWarning[];
  slideCount: number;
  title: string;
  lang: string;
  size: SlideSize;
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
 * en-GB), `<title>`, the deck's CSS inlined with the fonts embedded, the local pictures the
 * picture policy allows (inside the workspace) embedded as data: URLs (others left out and
 * listed in `warnings`), the slides one after another at their size, and `@page` at the
 * slide size for print.
 */
export function renderStandaloneHtml(markdown: string, options: { deckPath: string; workspaceRoot?: string; html?: boolean }): StandaloneHtml {
  const warnings: RenderWarning[] = [];
  const deckDir = dirname(resolve(options.deckPath));
  const place = { deckDir, workspaceRoot: options.workspaceRoot ?? findWorkspaceRoot(deckDir) };
  const deck = renderDeck(markdown, { resolveImage: embeddingImageResolver(place, warnings), html: options.html ?? false });
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
