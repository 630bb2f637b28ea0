import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { Problem } from '../core/rules/rule';
import type { ConfigService, DocumentConfig } from './config';
import { core } from './core';
import type { DiagnosticsManager } from './diagnostics';
import { escapeHtml, previewPageHtml } from './preview-page';
import type { MeasureRequest } from './rendered-check';
import type { RenderedDiagnostics } from './rendered-diagnostics';
import { readSettings } from './settings';
import { revealSlide } from './navigation';
import { debounce, deckSource, isMarpDocument, logError } from './util';

export const PREVIEW_VIEW_TYPE = 'isdeck.preview';

export interface PreviewRender {
  uri: vscode.Uri;
  /** Slides the house renderer produced. */
  slideCount: number;
  /** Slides the webview reports it drew (after the message round trip). */
  drawnSlides?: number;
  durationMs: number;
}

/** A slide the author clicked in the preview (`moved`: the cursor went there) or scrolled to the top of it. */
export interface PreviewSelection {
  uri: vscode.Uri;
  /** 0-based. */
  index: number;
  moved: boolean;
}

/** The rendered rules run over one measurement the webview posted back. */
export interface PreviewMeasurement {
  uri: vscode.Uri;
  /** The render it measured. */
  seq: number;
  problems: readonly Problem[];
}

/** One render sent to the webview: what was drawn, so its measurement is checked against the same text. */
interface Drawn {
  seq: number;
  uri: vscode.Uri;
  version: number;
  text: string;
  config: DocumentConfig;
  request: MeasureRequest | undefined;
}

/**
 * A side preview that renders the deck with the house renderer (charts included) as the author
 * types, and scrolls to the slide under the cursor. The page runs only scripts of ours
 * (nonce'd); the deck's HTML is rendered with raw HTML off and the CSP allows no other script.
 *
 * While it is open, the webview also measures the slides it drew with the core's in-page code
 * (after each render, debounced) and the rendered rules (`slide-overflow`, `min-font-size`,
 * `contrast`) run over those measurements here, into the Problems panel.
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
  private readonly selected = new vscode.EventEmitter<PreviewSelection>();
  /** The editor moved to a slide the author clicked (or scrolled to) in the preview. */
  readonly onDidSelect = this.selected.event;
  /** The slide the preview itself asked for: following the cursor there must not scroll it again. */
  private fromPreview: number | undefined;
  private readonly measured = new vscode.EventEmitter<PreviewMeasurement>();
  /** The rendered rules' problems were set from a measurement of the webview. */
  readonly onDidMeasure = this.measured.event;
  last: PreviewRender | undefined;
  private seq = 0;
  private drawn: Drawn | undefined;
  private visible = false;
  private readonly scheduler = debounce<string>(
    () => Math.min(readSettings().debounceMs, 300),
    () => this.refresh(),
  );

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly diagnostics: DiagnosticsManager,
    private readonly configService: ConfigService,
    private readonly renderedDiagnostics: RenderedDiagnostics,
  ) {
    this.disposables.push(
      this.rendered,
      this.revealed,
      this.selected,
      this.measured,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && this.documentUri && event.document.uri.toString() === this.documentUri.toString()) this.scheduler.schedule('render');
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isMarpDocument(editor.document) && editor.document.uri.toString() !== this.documentUri?.toString()) {
          this.switchTo(editor.document.uri);
          this.panel.title = titleFor(editor.document.uri);
          this.refresh();
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.renderedDiagnostics.clear(document.uri)),
      // Rule severities or `off` changed: draw and measure again under the new configuration.
      configService.onDidChange(() => {
        if (this.panel) this.refresh();
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
      this.switchTo(document.uri);
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

  /** The preview moves to another deck: the rendered problems of the one it showed go. */
  private switchTo(uri: vscode.Uri): void {
    if (this.documentUri && this.documentUri.toString() !== uri.toString()) this.renderedDiagnostics.clear(this.documentUri);
    this.documentUri = uri;
  }

  private adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument): void {
    this.panel = panel;
    this.switchTo(document.uri);
    this.visible = panel.visible;
    panel.webview.options = this.webviewOptions(document.uri);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'themes', 'assets', 'wordmark.svg');
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.documentUri = undefined;
        this.drawn = undefined;
        this.renderedDiagnostics.clear();
      }
    });
    // A hidden webview is discarded (no retainContextWhenHidden): shown again, it gets the page
    // as it is now (not the first render), and measures it again.
    panel.onDidChangeViewState(() => {
      const visible = panel.visible;
      if (visible && !this.visible && this.panel === panel) this.refresh(true);
      this.visible = visible;
    });
    panel.webview.onDidReceiveMessage((message: { type?: string; slides?: number; index?: number; seq?: number; layout?: unknown; contrast?: unknown; message?: unknown }) => {
      if (message?.type === 'revealed' && typeof message.index === 'number') this.revealed.fire(message.index);
      if ((message?.type === 'select' || message?.type === 'scrolled') && typeof message.index === 'number') void this.select(message.index, message.type === 'select');
      if (message?.type === 'rendered' && this.last && typeof message.slides === 'number') {
        this.last = { ...this.last, drawnSlides: message.slides };
        this.rendered.fire(this.last);
      }
      if (message?.type === 'measured' && typeof message.seq === 'number') this.check(message.seq, message.layout, message.contrast);
      if (message?.type === 'measureFailed') logError('preview measure', String(message.message));
    });
    this.refresh(true);
  }

  /** Runs the rendered rules over a measurement of the webview, if it is of the latest render. */
  private check(seq: number, layout: unknown, contrast: unknown): void {
    try {
      const drawn = this.drawn;
      if (!drawn || drawn.seq !== seq || !drawn.request || drawn.uri.toString() !== this.documentUri?.toString()) return;
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === drawn.uri.toString());
      // Edited since: a new render (and measurement) is on its way.
      if (!document || document.version !== drawn.version) return;
      const { readMeasurements, renderedRuleProblems } = core();
      const file = drawn.uri.scheme === 'file' ? drawn.uri.fsPath : undefined;
      const problems = renderedRuleProblems(drawn.text, file, drawn.config.resolved, readMeasurements(layout, contrast));
      this.renderedDiagnostics.set(drawn.uri, problems);
      this.measured.fire({ uri: drawn.uri, seq, problems });
    } catch (error) {
      logError('preview rendered rules', error);
    }
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
      const text = document.getText();
      const html = this.configService.forDocument(uri).resolved.html;
      const rendered = core().renderDeck(text, { resolveImage: this.imageResolver(panel.webview, uri), html });
      this.last = { uri, slideCount: rendered.slideCount, durationMs: performance.now() - started };
      const drawn = this.draw(uri, document.version, text);
      if (full) {
        panel.webview.html = this.pageHtml(panel.webview, rendered.html, rendered.css, uri, rendered.lang, drawn);
      } else {
        void panel.webview.postMessage({ type: 'update', html: rendered.html, css: rendered.css, seq: drawn.seq, measure: drawn.request ?? null });
      }
      this.rendered.fire(this.last);
    } catch (error) {
      logError('preview', error);
      if (full) {
        const drawn = this.draw(uri, document.version, '');
        panel.webview.html = this.pageHtml(panel.webview, `<p class="isdeck-error">The deck could not be rendered: ${escapeHtml(String(error))}</p>`, '', uri, 'en-GB', { ...drawn, request: undefined });
      }
    }
  }

  /**
   * A new render of `text`: its number, and what the webview is to measure under the deck's
   * configuration (nothing when every rendered rule is off: their problems are cleared).
   */
  private draw(uri: vscode.Uri, version: number, text: string): Drawn {
    const config = this.configService.forDocument(uri);
    let request: MeasureRequest | undefined;
    try {
      request = core().measureRequest(config.resolved);
    } catch (error) {
      logError('preview rendered rules', error);
    }
    if (!request) this.renderedDiagnostics.clear(uri);
    this.drawn = { seq: ++this.seq, uri, version, text, config, request };
    return this.drawn;
  }

  private pageHtml(webview: vscode.Webview, deckHtml: string, deckCss: string, uri: vscode.Uri, lang: string, drawn: Drawn): string {
    const script = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', name)).toString();
    return previewPageHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      deckHtml,
      deckCss,
      lang,
      state: { uri: uri.toString() },
      scripts: { measure: script('preview-measure.js'), axe: script('axe.min.js') },
      seq: drawn.seq,
      measure: drawn.request,
    });
  }

  /**
   * Pictures under the picture policy (`core/images/policy.ts`, as the editor's `image-exists`
   * diagnostics judge them): an allowed file becomes a webview URI of its real path; a refused
   * one is left out. Web addresses stay (the page's Content-Security-Policy loads none).
   */
  private imageResolver(webview: vscode.Webview, deckUri: vscode.Uri) {
    if (deckUri.scheme !== 'file') return (src: string): string | null => (/^data:/i.test(src) ? src : null);
    const deckDir = dirname(deckUri.fsPath);
    const place = { deckDir, workspaceRoot: this.configService.forDocument(deckUri).workspaceRoot ?? deckDir };
    const { judgePicture, decodePath } = core();
    return (src: string): string | null => {
      const verdict = judgePicture(decodePath(src), place);
      if (verdict.kind === 'file') return webview.asWebviewUri(vscode.Uri.file(verdict.path)).toString();
      return verdict.kind === 'refused' ? null : src;
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
      // The cursor went where the preview sent it: mark the slide, but leave the preview where the author put it.
      const scroll = index !== this.fromPreview;
      this.fromPreview = undefined;
      void this.panel.webview.postMessage({ type: 'reveal', index, scroll });
    } catch (error) {
      logError('preview follow', error);
    }
  }

  /**
   * The author clicked a slide in the preview (the editor shows it at the top, the cursor on
   * its first line) or scrolled the preview (the editor scrolls along; the cursor stays).
   */
  private async select(index: number, moveCursor: boolean): Promise<void> {
    try {
      const uri = this.documentUri;
      const document = uri && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
      if (!uri || !document) return;
      const slide = core().navigationFor(deckSource(document)).slides[index];
      const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
      const editor = shown ?? (moveCursor ? await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false }) : undefined);
      if (!slide || !editor) return;
      if (moveCursor) this.fromPreview = index;
      revealSlide(editor, slide, moveCursor);
      this.selected.fire({ uri, index, moved: moveCursor });
    } catch (error) {
      logError('preview select', error);
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
  return `Slides: ${name}`;
}
