// The webview is untrusted input: the host acts only on messages that fit the protocol.
import assert from 'node:assert/strict';
import { isWebviewToHost } from '../../src/shared/protocol';

describe('host <-> webview protocol', () => {
  it('accepts every message the webview sends', () => {
    for (const m of [
      { type: 'ready' }, { type: 'faceSelected', index: 0 }, { type: 'faceSelected', index: undefined },
      { type: 'run', command: 'showJson' }, { type: 'run', command: 'redetect' }, { type: 'run', command: 'openSettings' },
    ]) assert.ok(isWebviewToHost(m), JSON.stringify(m));
  });

  it('rejects anything else: unknown types and commands, bad indexes, non-objects', () => {
    for (const m of [
      null, 'ready', 42, {}, { type: 'eval' }, { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'faceSelected', index: -1 }, { type: 'faceSelected', index: 1.5 }, { type: 'faceSelected', index: '2' },
    ]) assert.ok(!isWebviewToHost(m), JSON.stringify(m));
  });
});
