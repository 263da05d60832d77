// The results webview: one panel per image, showing the image with faces drawn over it.
// The panel holds no state of its own: it mirrors the ResultStore entry for its image, and
// sends it to the webview after the webview's `ready` handshake.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { isWebviewToHost, type HostToWebview, type PanelState } from '../shared/protocol';
import { isWebImage } from './targets';
import type { ImageResult, ResultStore } from './resultStore';

export const RESULTS_VIEW_TYPE = 'faceInspector.results';

export class ResultsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ResultsPanel>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: ResultStore,
    private readonly runCommand: (command: 'showJson' | 'redetect' | 'openSettings', uri: vscode.Uri) => void,
  ) {
    this.subscription = store.onDidChange((entry) => this.panels.get(entry.uri.toString())?.render(entry));
  }

  /** Opens (or reveals) the panel of an image. */
  show(uri: vscode.Uri): void {
    const existing = this.panels.get(uri.toString());
    if (existing) { existing.panel.reveal(undefined, true); return; }
    const panel = vscode.window.createWebviewPanel(RESULTS_VIEW_TYPE, titleFor(uri),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, this.webviewOptions(uri));
    this.attach(panel, uri);
  }

  /** Re-attaches a panel VS Code restored after a reload; its saved state names the image. */
  restore(panel: vscode.WebviewPanel, saved: unknown): void {
    const path = (saved as { image?: { path?: unknown } } | undefined)?.image?.path;
    if (typeof path !== 'string') { panel.dispose(); return; }
    const uri = vscode.Uri.parse(path);
    const savedState = saved as PanelState;
    if (!this.store.get(uri) && savedState.status === 'done' && savedState.result) {
      const { options, ...outcome } = savedState.result;
      this.store.update(uri, { status: 'done', options, outcome, selectedFace: savedState.selectedFace });
    }
    panel.webview.options = this.webviewOptions(uri);
    this.attach(panel, uri);
  }

  private webviewOptions(uri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      // The bundle, the codicons and the folder of the image: nothing else is readable.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media'), ...(isWebImage(uri) ? [] : [vscode.Uri.joinPath(uri, '..')])],
    };
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri): void {
    const view = new ResultsPanel(panel, uri, this.extensionUri, this.store, this.runCommand);
    this.panels.set(uri.toString(), view);
    panel.onDidDispose(() => { this.panels.delete(uri.toString()); view.dispose(); });
  }

  dispose(): void {
    this.subscription.dispose();
    for (const p of this.panels.values()) p.panel.dispose();
  }
}

export class ResultsPanel {
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    extensionUri: vscode.Uri,
    private readonly store: ResultStore,
    runCommand: (command: 'showJson' | 'redetect' | 'openSettings', uri: vscode.Uri) => void,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = renderHtml(panel.webview, extensionUri, isWebImage(uri) ? `${uri.scheme}://${uri.authority}` : undefined);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (!isWebviewToHost(message)) return; // untrusted input: ignore anything off-protocol
        switch (message.type) {
          case 'ready': {
            this.ready = true;
            const entry = store.get(uri);
            if (entry) this.render(entry);
            break;
          }
          case 'faceSelected': store.select(uri, message.index); break;
          case 'run': runCommand(message.command, uri); break;
        }
      }),
      panel.onDidChangeViewState((e) => { if (e.webviewPanel.active) store.setActive(uri); }),
    );
  }

  render(entry: ImageResult): void {
    if (!this.ready) return; // the `ready` handler sends the latest state
    this.post({ type: 'state', state: this.toState(entry) });
  }

  private toState(entry: ImageResult): PanelState {
    const o = entry.outcome;
    return {
      image: { src: isWebImage(entry.uri) ? entry.uri.toString(true) : this.panel.webview.asWebviewUri(entry.uri).toString(), name: basename(entry.uri), path: entry.uri.toString() },
      status: entry.status,
      error: entry.error,
      selectedFace: entry.selectedFace,
      result: o && entry.options ? { ...o, options: entry.options } : undefined,
    };
  }

  private post(message: HostToWebview): void { void this.panel.webview.postMessage(message); }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.store.remove(this.uri);
  }
}

function basename(uri: vscode.Uri): string { return uri.path.split('/').pop() || uri.authority; }
function titleFor(uri: vscode.Uri): string { return vscode.l10n.t('Faces: {0}', basename(uri)); }

function renderHtml(webview: vscode.Webview, extensionUri: vscode.Uri, imageOrigin?: string): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:${imageOrigin ? ` ${imageOrigin}` : ''}`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', 'codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('media', 'results.css')}">
<title>Face Inspector</title>
</head>
<body>
<div id="app" aria-live="polite"></div>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'results.js')}"></script>
</body>
</html>`;
}
