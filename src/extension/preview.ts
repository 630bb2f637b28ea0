import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import * as vscode from 'vscode';
import { core } from './core';
import type { DiagnosticsManager } from './diagnostics';
import { readSettings } from './settings';
import { debounce, isMarpDocument, logError } from './util';

export const PREVIEW_VIEW_TYPE = 'isdeck.preview';

export interface PreviewRender {
  uri: vscode.Uri;
  /** Slides the house renderer produced. */
  slideCount: number;
  /** Slides the webview reports it drew (after the message round trip). */
  drawnSlides?: number;
  durationMs: number;
}

/**
 * A side preview that renders the deck with the house renderer (charts included) as the author
 * types, and scrolls to the slide under the cursor. The page runs one script of ours (nonce'd);
 * the deck's HTML is rendered with raw HTML off and the CSP allows no other script.
 */
export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private documentUri: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<PreviewRender>();
  readonly onDidRender = this.rendered.event;
  private readonly revealed = new vscode.EventEmitter<number>();
  /** The slide the webview scrolled to, after following the cursor. */
  readonly onDidReveal = this.revealed.event;
  last: PreviewRender | undefined;
  private readonly scheduler = debounce<string>(
    () => Math.min(readSettings().debounceMs, 300),
    () => this.refresh(),
  );

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly diagnostics: DiagnosticsManager,
  ) {
    this.disposables.push(
      this.rendered,
      this.revealed,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && this.documentUri && event.document.uri.toString() === this.documentUri.toString()) this.scheduler.schedule('render');
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isMarpDocument(editor.document) && editor.document.uri.toString() !== this.documentUri?.toString()) {
          this.documentUri = editor.document.uri;
          this.panel.title = titleFor(editor.document.uri);
          this.refresh();
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.follow(event.textEditor)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: { uri?: string } | undefined) => {
          try {
            if (!state?.uri) {
              panel.dispose();
              return;
            }
            const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri));
            this.adopt(panel, document);
          } catch (error) {
            logError('restore preview', error);
            panel.dispose();
          }
        },
      }),
    );
  }

  show(document: vscode.TextDocument): vscode.WebviewPanel {
    if (this.panel) {
      this.documentUri = document.uri;
      this.panel.title = titleFor(document.uri);
      this.panel.webview.options = this.webviewOptions(document.uri);
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      this.refresh(true);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, titleFor(document.uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      ...this.webviewOptions(document.uri),
      retainContextWhenHidden: false,
    });
    this.adopt(panel, document);
    return panel;
  }

  private adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument): void {
    this.panel = panel;
    this.documentUri = document.uri;
    panel.webview.options = this.webviewOptions(document.uri);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'themes', 'assets', 'wordmark.svg');
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.documentUri = undefined;
      }
    });
    panel.webview.onDidReceiveMessage((message: { type?: string; slides?: number; index?: number }) => {
      if (message?.type === 'revealed' && typeof message.index === 'number') this.revealed.fire(message.index);
      if (message?.type === 'rendered' && this.last && typeof message.slides === 'number') {
        this.last = { ...this.last, drawnSlides: message.slides };
        this.rendered.fire(this.last);
      }
    });
    this.refresh(true);
  }

  private webviewOptions(uri: vscode.Uri): vscode.WebviewOptions {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
    const roots = [...folders, this.extensionUri];
    if (folders.length === 0 && uri.scheme === 'file') roots.push(vscode.Uri.file(dirname(uri.fsPath)));
    return { enableScripts: true, localResourceRoots: roots, enableCommandUris: false };
  }

  /** Renders the current document into the panel: the whole page the first time, then by message. */
  private refresh(full = false): void {
    const panel = this.panel;
    const uri = this.documentUri;
    if (!panel || !uri) return;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (!document) return;
    try {
      const started = performance.now();
      const rendered = core().renderDeck(document.getText(), { resolveImage: this.imageResolver(panel.webview, uri) });
      this.last = { uri, slideCount: rendered.slideCount, durationMs: performance.now() - started };
      if (full) {
        panel.webview.html = pageHtml(panel.webview, rendered.html, rendered.css, uri, rendered.lang);
      } else {
        void panel.webview.postMessage({ type: 'update', html: rendered.html, css: rendered.css });
      }
      this.rendered.fire(this.last);
    } catch (error) {
      logError('preview', error);
      if (full) panel.webview.html = pageHtml(panel.webview, `<p class="isdeck-error">The deck could not be rendered: ${escapeHtml(String(error))}</p>`, '', uri, 'en-GB');
    }
  }

  /** Local images become webview URIs when they are inside the workspace (or the deck's folder); others are left out. */
  private imageResolver(webview: vscode.Webview, deckUri: vscode.Uri) {
    const deckDir = deckUri.scheme === 'file' ? dirname(deckUri.fsPath) : undefined;
    const roots = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
    if (roots.length === 0 && deckDir) roots.push(deckDir);
    return (src: string): string | null => {
      if (src === '' || /^data:/i.test(src) || /^https:\/\//i.test(src)) return src;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) return null;
      if (!deckDir) return null;
      let path: string;
      try {
        path = resolve(deckDir, decodeURIComponent(src.replace(/[?#].*$/, '')));
      } catch {
        return null;
      }
      if (!roots.some((root) => isInside(root, path))) return null;
      if (!existsSync(path) || !statSync(path).isFile()) return null;
      return webview.asWebviewUri(vscode.Uri.file(path)).toString();
    };
  }

  private follow(editor: vscode.TextEditor): void {
    try {
      if (!this.panel || !this.documentUri || editor.document.uri.toString() !== this.documentUri.toString()) return;
      const state = this.diagnostics.state(editor.document.uri);
      if (!state) return;
      const line = editor.selection.active.line;
      let index = 0;
      state.slideStartLines.forEach((start, slide) => {
        if (start <= line) index = slide;
      });
      void this.panel.webview.postMessage({ type: 'reveal', index });
    } catch (error) {
      logError('preview follow', error);
    }
  }

  get isOpen(): boolean {
    return !!this.panel;
  }

  close(): void {
    this.panel?.dispose();
  }

  dispose(): void {
    this.scheduler.dispose();
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function titleFor(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() ?? 'deck';
  return `Preview ${name}`;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  const source = webview.cspSource;
  return `default-src 'none'; img-src ${source} data:; style-src ${source} 'unsafe-inline'; font-src ${source} data:; script-src 'nonce-${nonce}';`;
}

function pageHtml(webview: vscode.Webview, deckHtml: string, deckCss: string, uri: vscode.Uri, lang: string): string {
  const nonce = randomBytes(16).toString('base64');
  const state = JSON.stringify({ uri: uri.toString() }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style id="isdeck-deck-css">${deckCss.replace(/<\/style/gi, '<\\/style')}</style>
<style>
  html, body { margin: 0; padding: 0; background: var(--vscode-editor-background, #1e1e1e); }
  #isdeck-deck { padding: 16px; }
  #isdeck-deck svg[data-marpit-svg] { display: block; width: 100%; height: auto; margin: 0 auto 16px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35); outline: 3px solid transparent; }
  #isdeck-deck svg[data-marpit-svg].isdeck-current { outline-color: var(--vscode-focusBorder, #007fd4); }
  .isdeck-error { color: var(--vscode-errorForeground, #f48771); font-family: var(--vscode-font-family, sans-serif); }
</style>
</head>
<body>
<div id="isdeck-deck">${deckHtml}</div>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  vscode.setState(${state});
  const container = document.getElementById('isdeck-deck');
  const deckCss = document.getElementById('isdeck-deck-css');
  const slides = () => container.querySelectorAll('svg[data-marpit-svg]');
  let current = -1;
  const mark = () => slides().forEach((slide, index) => slide.classList.toggle('isdeck-current', index === current));
  const report = () => vscode.postMessage({ type: 'rendered', slides: slides().length });
  window.addEventListener('message', (event) => {
    const message = event.data || {};
    if (message.type === 'update') {
      deckCss.textContent = message.css;
      container.innerHTML = message.html;
      mark();
      report();
    } else if (message.type === 'reveal') {
      current = message.index;
      mark();
      const slide = slides()[current];
      if (slide) {
        slide.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        vscode.postMessage({ type: 'revealed', index: current });
      }
    }
  });
  report();
})();
</script>
</body>
</html>`;
}
