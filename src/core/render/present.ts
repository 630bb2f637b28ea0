/**
 * A deck as one presentable HTML file (`isdeck export --present`, the editor's Present
 * command): full screen, one slide at a time, keyboard and clicker navigation, a presenter
 * view with the notes, the next slide and a timer. It works offline from the one file: the
 * fonts and the pictures the picture policy allows are embedded as `data:` URLs; a web
 * picture is left out (and named), since the file must not depend on the network.
 *
 * The deck is rendered as for every other output (raw HTML off). The page runs exactly one
 * script, ours (`present-script.ts`), inline; its Content-Security-Policy allows that script
 * by its SHA-256 hash and nothing else: no other script, no connection, no frame, images and
 * fonts only from `data:`.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { findWorkspaceRoot } from '../config/workspace';
import { parseDeck } from '../deck/parse';
import type { Deck } from '../deck/types';
import { embeddingImageResolver } from '../images/embed';
import { PRESENT_SCRIPT } from './present-script';
import { type RenderWarning, renderDeck, type StandaloneHtml } from './render';

/** `'sha256-…'`, as a CSP source, of a script's exact text. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

export function presentationPolicy(): string {
  return `default-src 'none'; script-src ${scriptHash(PRESENT_SCRIPT)}; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** JSON inside a `<script type="application/json">` element: nothing in it can close the element. */
function jsonData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function presentationCss(width: number, height: number): string {
  return `
html, body { margin: 0; height: 100%; background: #000; overflow: hidden; }
#isdeck-stage, #isdeck-stage div.marpit { position: fixed; inset: 0; }
#isdeck-stage div.marpit > svg[data-marpit-svg] { display: none; width: 100vw; height: 100vh; }
#isdeck-stage div.marpit > svg[data-marpit-svg].isdeck-current { display: block; }
body.isdeck-blank:not(.isdeck-presenter) #isdeck-stage { visibility: hidden; }
#isdeck-goto, #isdeck-notice { position: fixed; right: 16px; bottom: 16px; padding: 6px 12px; border-radius: 4px; background: rgba(0, 0, 0, 0.75); color: #fff; font: 600 20px Carlito, Calibri, Arial, sans-serif; z-index: 2; }
#isdeck-notice { left: 16px; right: auto; }
body.isdeck-presenter { background: #16202c; color: #eef2f6; font-family: Carlito, Calibri, Arial, sans-serif; }
body.isdeck-presenter #isdeck-stage { display: none; }
#isdeck-presenter { display: grid; grid-template-columns: 3fr 2fr; grid-template-rows: auto minmax(0, 1fr) minmax(0, 1fr); gap: 12px 16px; height: 100vh; padding: 12px 16px; box-sizing: border-box; }
#isdeck-presenter header { grid-column: 1 / 3; display: flex; gap: 24px; align-items: baseline; font-size: 22px; }
#isdeck-presenter [data-box="timer"] { font-size: 34px; font-weight: 700; cursor: pointer; font-variant-numeric: tabular-nums; }
#isdeck-presenter [data-box="position"] { margin-left: auto; }
body.isdeck-blank [data-box="position"]::after { content: ' \\00b7  screen blanked (B)'; color: #f5a623; }
#isdeck-presenter section.isdeck-box { min-height: 0; display: flex; flex-direction: column; }
#isdeck-presenter h2 { margin: 0 0 6px; font-size: 14px; letter-spacing: 0.08em; text-transform: uppercase; color: #9fb3c8; }
#isdeck-presenter .isdeck-current-box { grid-row: 2 / 4; }
#isdeck-presenter [data-box="current"], #isdeck-presenter [data-box="next"] { flex: 1; min-height: 0; }
#isdeck-presenter [data-box] > div.marpit, #isdeck-presenter [data-box] > div.marpit > svg[data-marpit-svg] { display: block; width: 100%; height: 100%; }
#isdeck-presenter [data-box="notes"] { flex: 1; overflow: auto; font-size: 22px; line-height: 1.4; }
#isdeck-presenter [data-box="notes"] p { margin: 0 0 10px; white-space: pre-wrap; }
#isdeck-presenter p.isdeck-none { color: #9fb3c8; font-style: italic; }
@media print {
  html, body { height: auto; overflow: visible; background: #fff; }
  #isdeck-stage, #isdeck-stage div.marpit { position: static; }
  #isdeck-stage div.marpit > svg[data-marpit-svg] { display: block; width: ${width}px; height: ${height}px; break-after: page; }
  #isdeck-goto, #isdeck-notice, #isdeck-presenter { display: none !important; }
  @page { size: ${width}px ${height}px; margin: 0; }
}
`;
}

/**
 * The presentation document of a deck. `warnings` name the pictures left out (refused by the
 * picture policy, unreadable, or on the web).
 */
export function renderPresentationHtml(markdown: string, options: { deckPath: string; workspaceRoot?: string; html?: boolean; deck?: Deck }): StandaloneHtml {
  const warnings: RenderWarning[] = [];
  const deckDir = dirname(resolve(options.deckPath));
  const embedding = embeddingImageResolver({ deckDir, workspaceRoot: options.workspaceRoot ?? findWorkspaceRoot(deckDir) }, warnings);
  // Only what is embedded is drawn: the file works offline, and its policy loads nothing else.
  const deck = renderDeck(markdown, {
    html: options.html ?? false,
    resolveImage: (src) => {
      const drawn = embedding(src);
      return drawn?.startsWith('data:') ? drawn : null;
    },
  });
  const offline = warnings.map((warning): RenderWarning =>
    warning.kind === 'remote'
      ? { path: warning.path, kind: 'left-out', message: `The image \`${warning.path}\` is a web address, and was left out: the presentation works offline.` }
      : warning,
  );
  const notes = (options.deck ?? parseDeck(markdown, options.deckPath)).slides.map((slide) => slide.notes.map((note) => note.text));
  const html = `<!doctype html>
<html lang="${escapeHtml(deck.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${presentationPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="isdeck">
<title>${escapeHtml(deck.title)}</title>
<style>
${deck.css}
${presentationCss(deck.size.width, deck.size.height)}</style>
</head>
<body>
<main id="isdeck-stage" aria-label="${escapeHtml(deck.title)}">
${deck.html}
</main>
<div id="isdeck-presenter" hidden>
<header><span data-box="timer" title="Time since the presenter view opened (click to restart)">00:00</span><span data-box="clock"></span><span data-box="position"></span></header>
<section class="isdeck-box isdeck-current-box"><h2>Current slide</h2><div data-box="current"></div></section>
<section class="isdeck-box"><h2>Next</h2><div data-box="next"></div></section>
<section class="isdeck-box"><h2>Notes</h2><div data-box="notes"></div></section>
</div>
<div id="isdeck-goto" hidden></div>
<div id="isdeck-notice" hidden></div>
<script type="application/json" id="isdeck-notes">${jsonData(notes)}</script>
<script>${PRESENT_SCRIPT}</script>
</body>
</html>
`;
  return { html, warnings: offline, slideCount: deck.slideCount, title: deck.title, lang: deck.lang, size: deck.size };
}
