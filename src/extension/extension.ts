// Wires commands, views and providers together. Everything heavy loads on first use.
import * as vscode from 'vscode';
import { showError } from './actionableError';
import { Detector } from './detect';
import { FacesTree, copyableValue } from './facesTree';
import { KeyStore } from './keyStore';
import { createLog } from './log';
import { ProviderFactory } from './providers';
import { RESULT_JSON_SCHEME, ResultJsonProvider, showResultJson } from './resultJson';
import { RESULTS_VIEW_TYPE, ResultsPanels } from './resultsPanel';
import { ResultStore } from './resultStore';
import { clearKey, promptForKey } from './keyCommands';
import { resolveImageUrl, resolveTargets } from './targets';

/** What activate() returns to other extensions (and the integration tests): read-only results. */
export interface FaceInspectorApi {
  getResult(image: vscode.Uri): { status: string; error?: string; faces?: unknown[]; provider?: string; providerLabel?: string; unsupportedAttributes?: string[] } | undefined;
}

export function activate(context: vscode.ExtensionContext): FaceInspectorApi {
  const log = createLog();
  const store = new ResultStore();
  const keys = new KeyStore(context.secrets);
  const providers = new ProviderFactory(keys, log, context.extensionUri.fsPath);
  const panels: ResultsPanels = new ResultsPanels(context.extensionUri, store, (command, uri) => {
    if (command === 'showJson') void showResultJson(uri);
    else if (command === 'redetect') void detector.detect([uri]);
    else void vscode.commands.executeCommand('workbench.action.openSettings', 'faceInspector');
  });
  const detector = new Detector(providers, store, panels, log);

  context.subscriptions.push(
    log, store, panels, providers,
    new FacesTree(store),
    vscode.workspace.registerTextDocumentContentProvider(RESULT_JSON_SCHEME, new ResultJsonProvider(store)),
    vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => panels.restore(panel, state),
    }),
    vscode.commands.registerCommand('faceInspector.detect', async (first?: unknown, all?: unknown) => {
      const uris = await resolveTargets(first, all);
      return uris.length ? detector.detect(uris) : 0;
    }),
    vscode.commands.registerCommand('faceInspector.detectUrl', async (url?: unknown) => {
      const image = await resolveImageUrl(url);
      return image ? detector.detect([image]) : 0;
    }),
    vscode.commands.registerCommand('faceInspector.showJson', async (uri?: vscode.Uri) => {
      const image = uri instanceof vscode.Uri ? uri : store.active?.uri;
      if (image) await showResultJson(image);
      else void vscode.window.showInformationMessage(vscode.l10n.t('No result yet: run Face Inspector: Detect Faces first.'));
    }),
    vscode.commands.registerCommand('faceInspector.copyValue', async (node?: { value?: unknown }) => {
      if (node?.value !== undefined) await vscode.env.clipboard.writeText(copyableValue(node));
    }),
    vscode.commands.registerCommand('faceInspector.setKey', (key?: unknown) => promptForKey(keys, typeof key === 'string' ? key : undefined).catch(showError)),
    vscode.commands.registerCommand('faceInspector.clearKey', () => clearKey(keys, log)),
    vscode.commands.registerCommand('faceInspector.showLog', () => log.show()),
  );
  return {
    getResult: (image) => {
      const r = store.get(image);
      return r && { status: r.status, error: r.error, faces: r.outcome?.faces, provider: r.outcome?.provider, providerLabel: r.outcome?.providerLabel, unsupportedAttributes: r.outcome?.unsupportedAttributes };
    },
  };
}

export function deactivate(): void { /* disposables are released by VS Code */ }
