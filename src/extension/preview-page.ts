/**
 * The preview's page: the deck's HTML and CSS, and the scripts of ours it runs, all nonce'd:
 * the page script (follows the cursor, showing its slide at the top; a click on a slide, or
 * scrolling, moves the editor there; takes updates, asks for measurements), the core's
 * in-page measurement (`dist/preview-measure.js`, see scripts/build-extension.mjs) and, when
 * the `contrast` rule is on, axe-core (`dist/axe.min.js`, loaded on first use). No `vscode`
 * import, so the page can be built outside VS Code too.
 */
import type { MeasureRequest } from './rendered-check';

export interface PreviewPage {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  deckHtml: string;
  deckCss: string;
  lang: string;
  /** What the webview keeps for restoring the panel (`vscode.setState`). */
  state: { uri: string };
  /** Webview URIs of `dist/preview-measure.js` and `dist/axe.min.js`. */
  scripts: { measure: string; axe: string };
  /** The number of the render this page holds; measurements are posted back with it. */
  seq: number;
  /** What to measure after each render; `undefined`: nothing (every rendered rule is off). */
  measure: MeasureRequest | undefined;
}

/** A pause after the last update before measuring, so typing does not run axe-core on every render. */
export const MEASURE_DELAY_MS = 400;

/**
 * The page's Content-Security-Policy: scripts only with this page's nonce (ours, inline or
 * from the extension's dist/), no eval; images, styles and fonts from the webview's resources.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'unsafe-inline'; font-src ${cspSource} data:; script-src 'nonce-${nonce}';`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A value as a JavaScript literal that is safe inside a `<script>` element. */
function literal(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function previewPageHtml(page: PreviewPage): string {
  const nonce = escapeHtml(page.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.cspSource, page.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style id="isdeck-deck-css">${page.deckCss.replace(/<\/style/gi, '<\\/style')}</style>
<style>
  html, body { margin: 0; padding: 0; background: var(--vscode-editor-background, #1e1e1e); }
  #isdeck-deck { padding: 16px; }
  #isdeck-deck svg[data-marpit-svg] { display: block; width: 100%; height: auto; margin: 0 auto 16px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35); outline: 3px solid transparent; cursor: pointer; scroll-margin-top: 16px; }
  #isdeck-deck svg[data-marpit-svg].isdeck-current { outline-color: var(--vscode-focusBorder, #007fd4); }
  .isdeck-error { color: var(--vscode-errorForeground, #f48771); font-family: var(--vscode-font-family, sans-serif); }
</style>
<script nonce="${nonce}" src="${escapeHtml(page.scripts.measure)}"></script>
</head>
<body>
<div id="isdeck-deck">${page.deckHtml}</div>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  vscode.setState(${literal(page.state)});
  const container = document.getElementById('isdeck-deck');
  const deckCss = document.getElementById('isdeck-deck-css');
  const slides = () => container.querySelectorAll('svg[data-marpit-svg]');
  let current = -1;
  const mark = () => slides().forEach((slide, index) => slide.classList.toggle('isdeck-current', index === current));
  const report = () => vscode.postMessage({ type: 'rendered', slides: slides().length, seq });

  // Measuring for the rendered rules (slide-overflow, min-font-size, contrast): the core's own
  // in-page code, over the slides as drawn here; the extension host runs the rules.
  let seq = ${literal(page.seq)};
  let request = ${literal(page.measure ?? null)};
  let timer;
  let running = false;
  let again = false;
  let axeLoading;
  const loadAxe = () => {
    axeLoading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.nonce = ${literal(page.nonce)};
      script.src = ${literal(page.scripts.axe)};
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('axe-core could not be loaded'));
      document.head.appendChild(script);
    });
    return axeLoading;
  };
  const measure = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const at = seq;
        const wanted = request;
        if (!wanted || !window.isdeckMeasure) break;
        void document.body.offsetHeight;
        await document.fonts.ready;
        const layout = window.isdeckMeasure.layout(window.isdeckMeasure.maxTexts);
        let contrast = [];
        if (wanted.contrast) {
          await loadAxe();
          contrast = await window.isdeckMeasure.contrast();
        }
        if (at === seq) vscode.postMessage({ type: 'measured', seq: at, layout, contrast });
        else again = true;
      } while (again);
    } catch (error) {
      vscode.postMessage({ type: 'measureFailed', seq, message: String((error && error.message) || error) });
    } finally {
      running = false;
    }
  };
  const scheduleMeasure = (delay) => {
    clearTimeout(timer);
    if (request) timer = setTimeout(measure, delay);
  };

  window.addEventListener('message', (event) => {
    const message = event.data || {};
    if (message.type === 'update') {
      deckCss.textContent = message.css;
      container.innerHTML = message.html;
      seq = message.seq;
      request = message.measure || null;
      mark();
      report();
      scheduleMeasure(${MEASURE_DELAY_MS});
    } else if (message.type === 'reveal') {
      current = message.index;
      mark();
      const slide = slides()[current];
      if (slide) {
        if (message.scroll !== false) {
          following = true;
          clearTimeout(followEnd);
          followEnd = setTimeout(followed, 800);
          slide.scrollIntoView({ block: 'start', behavior: 'smooth' });
        }
        vscode.postMessage({ type: 'revealed', index: current });
      }
    }
  });

  // Two-way: a click on a slide moves the editor there; scrolling moves it along (not while
  // the page itself scrolls to follow the editor).
  let following = false;
  let followEnd;
  let scrollTimer;
  let scrolledTo = -1;
  container.addEventListener('click', (event) => {
    const slide = event.target.closest && event.target.closest('svg[data-marpit-svg]');
    const index = slide ? Array.prototype.indexOf.call(slides(), slide) : -1;
    if (index < 0) return;
    current = index;
    scrolledTo = index;
    mark();
    vscode.postMessage({ type: 'select', index });
  });
  const topSlide = () => {
    const all = slides();
    for (let index = 0; index < all.length; index++) if (all[index].getBoundingClientRect().bottom > 24) return index;
    return -1;
  };
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      if (following) return;
      const index = topSlide();
      if (index >= 0 && index !== scrolledTo) {
        scrolledTo = index;
        vscode.postMessage({ type: 'scrolled', index });
      }
    }, 150);
  }, { passive: true });
  // Where following the editor left the page is where the author is: not a scroll to report.
  const followed = () => {
    following = false;
    scrolledTo = topSlide();
  };
  window.addEventListener('scrollend', () => {
    if (following) setTimeout(followed, 50);
  });
  report();
  scheduleMeasure(0);
})();
</script>
</body>
</html>`;
}
