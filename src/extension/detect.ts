// "Detect Faces": settings -> validation -> provider -> store, with progress and cancellation.
// Views update from the store; this file never touches them directly except to open the panel.
import * as vscode from 'vscode';
import type { ImageSource } from '../core/contract';
import { checkEndpoint, hasErrors, validateDetectOptions, type Problem } from '../core/validate';
import { ActionableError, openSettingsAction, showError } from './actionableError';
import type { Logger } from './log';
import type { ProviderFactory } from './providers';
import type { ResultsPanels } from './resultsPanel';
import type { ResultStore } from './resultStore';
import { effectiveProvider, readSettings } from './settings';
import { isWebImage } from './targets';

export class Detector {
  constructor(
    private readonly providers: ProviderFactory,
    private readonly store: ResultStore,
    private readonly panels: ResultsPanels,
    private readonly log: Logger,
  ) {}

  /** Detects faces in each image in turn; returns how many succeeded. */
  async detect(uris: readonly vscode.Uri[]): Promise<number> {
    const settings = readSettings();
    const problems: Problem[] = validateDetectOptions(settings.options);
    if (effectiveProvider(settings) === 'azure') {
      const endpoint = checkEndpoint(settings.endpoint, settings.auth === 'entraId' ? 'token' : 'key');
      problems.push(...endpoint.problems);
      if (endpoint.endpoint) settings.endpoint = endpoint.endpoint;
    }
    for (const p of problems.filter((p) => p.severity === 'warning')) {
      this.log.warn(p.message);
      void vscode.window.showWarningMessage(p.message);
    }
    if (hasErrors(problems)) {
      // A settings problem is the same for every image: one notification, and each panel says it too.
      const message = await showError(new ActionableError(problems.filter((p) => p.severity === 'error').map((p) => p.message).join(' '), [openSettingsAction()]));
      this.log.error(message);
      for (const uri of uris) {
        this.panels.show(uri);
        const previous = this.store.get(uri);
        this.store.update(uri, { status: 'error', error: message, outcome: previous?.outcome, options: previous?.options });
      }
      return 0;
    }
    let succeeded = 0;
    for (const uri of uris) {
      this.panels.show(uri);
      const previous = this.store.get(uri);
      this.store.update(uri, { status: 'detecting', error: undefined });
      try {
        const provider = await this.providers.get(settings);
        const name = uri.path.split('/').pop() || uri.toString();
        const outcome = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Detecting faces in {0}', name), cancellable: true },
          async (_progress, token) => {
            const abort = new AbortController();
            const sub = token.onCancellationRequested(() => abort.abort());
            try {
              // A web image goes to the service as a URL for it to download; a file goes as bytes.
              const image: ImageSource = isWebImage(uri) ? { kind: 'url', url: uri.toString(true) } : { kind: 'bytes', bytes: await readImage(uri), name };
              return await provider.detect(image, settings.options, abort.signal);
            } finally { sub.dispose(); }
          });
        this.log.info(`${name}: ${outcome.faces.length} face(s) by ${outcome.providerLabel} in ${Math.round(outcome.durationMs)} ms${outcome.requestId ? ` (client-request-id ${outcome.requestId})` : ''}`);
        this.store.update(uri, { status: 'done', outcome, options: settings.options, error: undefined, selectedFace: undefined });
        succeeded++;
      } catch (error) {
        if (isCancellation(error)) {
          // Nothing is lost: a cancelled re-run puts the previous result back.
          this.store.update(uri, previous?.outcome ? { ...previous } : { status: 'cancelled', error: vscode.l10n.t('Detection was cancelled.') });
          continue;
        }
        const message = await showError(error);
        this.log.error(`${uri.path}: ${message}`);
        this.store.update(uri, { status: 'error', error: message, outcome: previous?.outcome, options: previous?.options });
      }
    }
    return succeeded;
  }
}

async function readImage(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    throw new Error(vscode.l10n.t('Could not read {0}: {1}', uri.fsPath || uri.path, e instanceof Error ? e.message : String(e)));
  }
}

function isCancellation(error: unknown): boolean {
  return (error as { kind?: string })?.kind === 'cancelled' || (error as Error)?.name === 'AbortError';
}
