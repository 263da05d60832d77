// The Faces view: every field of every face of the active result, as a tree.
// Clicking a face selects it in the results panel, and selecting one there reveals it here.
import * as vscode from 'vscode';
import type { FaceDetectionResult } from '../core/contract';
import type { ImageResult, ResultStore } from './resultStore';

interface Node {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  faceIndex?: number;
  /** The JSON value this node shows, for Copy Value. */
  value?: unknown;
  children?: Node[];
  parent?: Node;
}

export class FacesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private roots: Node[] = [];
  private shown: ImageResult | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: ResultStore) {
    this.view = vscode.window.createTreeView('faceInspector.faces', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      store.onDidChange((entry) => this.onStoreChange(entry)),
      store.onDidRemove((entry) => {
        if (this.shown?.uri.toString() !== entry.uri.toString()) return;
        this.shown = undefined; this.roots = [];
        this.view.description = undefined; this.view.message = undefined;
        this.changed.fire(undefined);
      }),
      this.view.onDidChangeSelection((e) => {
        const face = e.selection[0]?.faceIndex;
        if (this.shown && face !== undefined) store.select(this.shown.uri, face);
      }),
    );
    if (store.active) this.onStoreChange(store.active);
  }

  private onStoreChange(entry: ImageResult): void {
    if (entry !== this.store.active) return;
    const sameResult = this.shown?.uri.toString() === entry.uri.toString() && this.shown.outcome === entry.outcome && this.shown.status === entry.status;
    this.shown = entry;
    if (!sameResult) {
      this.roots = entry.outcome ? entry.outcome.faces.map((f, i) => faceNode(f, i)) : [];
      if (entry.outcome?.unsupportedAttributes.length) {
        this.roots.push({ label: vscode.l10n.t('Not computed by this provider'), description: entry.outcome.unsupportedAttributes.join(', '), icon: 'info',
          tooltip: vscode.l10n.t('{0} cannot compute these requested fields; Azure AI Face can.', entry.outcome.providerLabel) });
      }
      const name = entry.uri.path.split('/').pop();
      this.view.description = entry.outcome ? `${name} · ${entry.outcome.provider}` : name;
      this.view.message = entry.status === 'detecting' ? vscode.l10n.t('Detecting faces in {0}…', name ?? '')
        : entry.status === 'error' || entry.status === 'cancelled' ? entry.error
        : entry.outcome?.faces.length === 0 ? vscode.l10n.t('No faces found in {0}.', name ?? '') : undefined;
      this.changed.fire(undefined);
    }
    const selected = entry.selectedFace !== undefined ? this.roots[entry.selectedFace] : undefined;
    if (selected && this.view.visible) void this.view.reveal(selected, { select: true, focus: false, expand: true });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children?.length
      ? (node.faceIndex !== undefined && node.parent === undefined ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed)
      : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.tooltip ?? (node.description ? `${node.label}: ${node.description}` : undefined);
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    item.contextValue = node.value === undefined ? 'note' : node.parent === undefined ? 'face' : 'field';
    item.id = nodeId(node);
    return item;
  }

  getChildren(node?: Node): Node[] { return node ? node.children ?? [] : this.roots; }
  getParent(node: Node): Node | undefined { return node.parent; }

  dispose(): void { for (const d of this.disposables) d.dispose(); this.changed.dispose(); }
}

/** Copy Value: a scalar as text, anything else as the JSON the provider returned. */
export function copyableValue(node: { value?: unknown }): string {
  return typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean'
    ? String(node.value) : JSON.stringify(node.value, null, 2);
}

function nodeId(node: Node): string {
  const path: string[] = [];
  for (let n: Node | undefined = node; n; n = n.parent) path.unshift(n.label);
  return path.join('/');
}

function faceNode(face: FaceDetectionResult, index: number): Node {
  const r = face.faceRectangle;
  const children: Node[] = [
    { label: 'faceRectangle', value: r, description: `left ${r.left}, top ${r.top}, ${r.width}×${r.height}`, icon: 'primitive-square', children: valueNodes(r) },
  ];
  if (face.faceId) children.push({ label: 'faceId', value: face.faceId, description: face.faceId, icon: 'key' });
  if (face.recognitionModel) children.push({ label: 'recognitionModel', value: face.recognitionModel, description: face.recognitionModel, icon: 'symbol-enum' });
  if (face.faceLandmarks) {
    children.push({ label: 'faceLandmarks', value: face.faceLandmarks, description: `${Object.keys(face.faceLandmarks).length} points`, icon: 'location', children: valueNodes(face.faceLandmarks) });
  }
  if (face.faceAttributes) {
    children.push({ label: 'faceAttributes', value: face.faceAttributes, description: Object.keys(face.faceAttributes).join(', '), icon: 'symbol-property', children: valueNodes(face.faceAttributes) });
  }
  const node: Node = { label: vscode.l10n.t('Face {0}', index + 1), value: face, description: `${r.width}×${r.height} at ${r.left}, ${r.top}`, icon: 'account', faceIndex: index, children };
  setParents(node);
  return node;
}

/** Turns any JSON value into tree nodes: objects and arrays expand, scalars show as descriptions. */
function valueNodes(value: object): Node[] {
  return Object.entries(value).map(([key, v]): Node => {
    if (v !== null && typeof v === 'object') {
      const isPoint = typeof (v as { x?: unknown }).x === 'number' && typeof (v as { y?: unknown }).y === 'number' && Object.keys(v).length === 2;
      if (isPoint) return { label: key, value: v, description: `(${(v as { x: number }).x}, ${(v as { y: number }).y})` };
      return { label: key, value: v, description: summary(v), children: valueNodes(v) };
    }
    return { label: key, value: v, description: String(v) };
  });
}

function summary(v: object): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `${v.length} item${v.length === 1 ? '' : 's'}`;
  const scalars = Object.entries(v).filter(([, x]) => x === null || typeof x !== 'object');
  return scalars.map(([k, x]) => `${k}: ${String(x)}`).join(', ');
}

function setParents(node: Node): void {
  for (const c of node.children ?? []) { c.parent = node; c.faceIndex = node.faceIndex; setParents(c); }
}
