// Azure keys live only in SecretStorage, one per endpoint origin, so switching resources
// does not send one resource's key to another.
import type * as vscode from 'vscode';

export class KeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private static id(endpoint: string): string {
    let origin = endpoint;
    try { origin = new URL(endpoint).origin; } catch { /* validated elsewhere; keep as typed */ }
    return `faceInspector.key:${origin.toLowerCase()}`;
  }

  get(endpoint: string): Thenable<string | undefined> { return this.secrets.get(KeyStore.id(endpoint)); }
  set(endpoint: string, key: string): Thenable<void> { return this.secrets.store(KeyStore.id(endpoint), key); }
  delete(endpoint: string): Thenable<void> { return this.secrets.delete(KeyStore.id(endpoint)); }
}
