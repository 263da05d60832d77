// The one place detection results live in the host. Views (panel, tree, JSON) read from here and
// re-render on change, so data flows one way: detection -> store -> views.
import * as vscode from 'vscode';
import type { DetectOptions } from '../core/contract';
import type { DetectOutcome } from '../core/provider';

export interface ImageResult {
  uri: vscode.Uri;
  status: 'detecting' | 'done' | 'error' | 'cancelled';
  options?: DetectOptions;
  outcome?: DetectOutcome;
  error?: string;
  selectedFace?: number;
}

export class ResultStore implements vscode.Disposable {
  private readonly results = new Map<string, ImageResult>();
  private activeKey: string | undefined;
  private readonly changed = new vscode.EventEmitter<ImageResult>();
  /** Fires with the entry that changed (status, result, selection or becoming active). */
  readonly onDidChange = this.changed.event;
  private readonly removed = new vscode.EventEmitter<ImageResult>();
  /** Fires when an image's panel closed and its result was dropped. */
  readonly onDidRemove = this.removed.event;

  get(uri: vscode.Uri): ImageResult | undefined { return this.results.get(uri.toString()); }
  get active(): ImageResult | undefined { return this.activeKey ? this.results.get(this.activeKey) : undefined; }

  update(uri: vscode.Uri, patch: Partial<Omit<ImageResult, 'uri'>>): ImageResult {
    const key = uri.toString();
    const next: ImageResult = { ...(this.results.get(key) ?? { uri, status: 'detecting' }), ...patch, uri };
    this.results.set(key, next);
    this.activeKey = key;
    void vscode.commands.executeCommand('setContext', 'faceInspector.hasResult', next.status === 'done');
    this.changed.fire(next);
    return next;
  }

  setActive(uri: vscode.Uri): void {
    const entry = this.results.get(uri.toString());
    if (!entry || this.activeKey === uri.toString()) return;
    this.activeKey = uri.toString();
    void vscode.commands.executeCommand('setContext', 'faceInspector.hasResult', entry.status === 'done');
    this.changed.fire(entry);
  }

  select(uri: vscode.Uri, index: number | undefined): void {
    const entry = this.results.get(uri.toString());
    if (entry && entry.selectedFace !== index) this.update(uri, { selectedFace: index });
  }

  remove(uri: vscode.Uri): void {
    const entry = this.results.get(uri.toString());
    if (!entry) return;
    this.results.delete(uri.toString());
    if (this.activeKey === uri.toString()) {
      this.activeKey = undefined;
      void vscode.commands.executeCommand('setContext', 'faceInspector.hasResult', false);
    }
    this.removed.fire(entry);
  }

  dispose(): void { this.changed.dispose(); this.removed.dispose(); }
}
