// The extension's log: a LogOutputChannel ("Face Inspector" in the Output view, level set by the
// user). It satisfies the core's Logger, so core modules log here without importing vscode.
import * as vscode from 'vscode';
export type { Logger } from '../core/logger';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Face Inspector', { log: true });
}
