// "Set Azure Face Key": asks for the endpoint first if none is set, then for the key (masked),
// and stores it in SecretStorage. A key passed as an argument (scripts, tests) skips the prompt.
// "Clear Azure Face Key" removes the key of the configured endpoint.
import * as vscode from 'vscode';
import { checkEndpoint } from '../core/validate';
import type { KeyStore } from './keyStore';
import type { Logger } from './log';

export async function promptForKey(keys: KeyStore, keyArgument?: string): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('faceInspector');
  let endpoint = config.get<string>('endpoint', '').trim();
  if (!endpoint) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Azure Face endpoint'),
      prompt: vscode.l10n.t('The endpoint of your Face resource (Keys and Endpoint page in the Azure portal).'),
      placeHolder: 'https://my-face.cognitiveservices.azure.com',
      ignoreFocusOut: true,
      validateInput: (v) => checkEndpoint(v, 'key', () => 'The endpoint').problems.find((p) => p.severity === 'error')?.message,
    });
    if (!typed) return false;
    endpoint = checkEndpoint(typed).endpoint ?? typed.trim();
    await config.update('endpoint', endpoint, vscode.ConfigurationTarget.Global);
  }
  const key = keyArgument ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('Azure Face key for {0}', endpoint),
    prompt: vscode.l10n.t('Stored in VS Code\'s secret storage, never in settings.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Paste KEY 1 or KEY 2 of the resource.')),
  });
  if (!key?.trim()) return false;
  await keys.set(endpoint, key.trim());
  void vscode.window.showInformationMessage(vscode.l10n.t('Azure Face key stored for {0}.', endpoint));
  return true;
}

export async function clearKey(keys: KeyStore, log: Logger): Promise<void> {
  const endpoint = vscode.workspace.getConfiguration('faceInspector').get<string>('endpoint', '').trim();
  if (!endpoint) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No endpoint is set, so no key is stored for it.'));
    return;
  }
  await keys.delete(endpoint);
  log.info(`Removed the stored key for ${endpoint}.`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Removed the Azure Face key for {0}.', endpoint));
}
