// An error whose message is meant for the user, with buttons that lead to the fix.
import * as vscode from 'vscode';

export interface ErrorAction { title: string; command: string; args?: unknown[] }

export class ActionableError extends Error {
  constructor(message: string, readonly actions: ErrorAction[] = []) {
    super(message);
    this.name = 'ActionableError';
  }
}

export const openSettingsAction = (query = 'faceInspector'): ErrorAction => ({
  title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', args: [query],
});

/** Shows an error as one notification; buttons run their commands. Returns the message shown. */
export async function showError(error: unknown): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  const actions = error instanceof ActionableError ? error.actions : [];
  void vscode.window.showErrorMessage(message, ...actions.map((a) => a.title)).then((picked) => {
    const action = actions.find((a) => a.title === picked);
    if (action) void vscode.commands.executeCommand(action.command, ...(action.args ?? []));
  });
  return message;
}
