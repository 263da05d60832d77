// The extension's log: a LogOutputChannel ("Face Inspector" in the Output view, level set by the
// user). Core modules take the `Logger` shape, so they log here without importing vscode.
import * as vscode from 'vscode';

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Face Inspector', { log: true });
}
