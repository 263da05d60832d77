// The raw JSON of a result, in a read-only side editor (a virtual document, so closing it never
// asks to save). It shows exactly the faces array a provider returned.
import * as vscode from 'vscode';
import type { ResultStore } from './resultStore';

export const RESULT_JSON_SCHEME = 'face-inspector';

export class ResultJsonProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ResultStore) {
    this.subscription = store.onDidChange((entry) => this.changed.fire(jsonUriFor(entry.uri)));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const image = vscode.Uri.parse(decodeURIComponent(uri.query));
    const entry = this.store.get(image);
    if (!entry?.outcome) return `// ${vscode.l10n.t('No result for {0}: run Detect Faces on it.', image.path)}\n`;
    return JSON.stringify(entry.outcome.faces, null, 2) + '\n';
  }

  dispose(): void { this.subscription.dispose(); this.changed.dispose(); }
}

export function jsonUriFor(image: vscode.Uri): vscode.Uri {
  const name = image.path.split('/').pop() ?? 'image';
  return vscode.Uri.from({ scheme: RESULT_JSON_SCHEME, path: `/${name}.faces.json`, query: encodeURIComponent(image.toString()) });
}

export async function showResultJson(image: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(jsonUriFor(image));
  await vscode.languages.setTextDocumentLanguage(doc, 'json');
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
}
