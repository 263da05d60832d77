// The messages between the extension host and the results webview: one discriminated union
// each way. The webview says `ready` once its script runs; the host sends nothing before that
// (messages posted to a webview that is still loading are lost), then sends the current state.
import type { DetectOptions } from '../core/contract';
import type { DetectOutcome } from '../core/provider';

/** What the panel shows: one image and, once detection finished, its result. */
export interface PanelState {
  image: { src: string; name: string; path: string };
  status: 'detecting' | 'done' | 'error' | 'cancelled';
  result?: ResultView;
  error?: string;
  selectedFace?: number;
}

/** A provider's outcome plus the options it answered, which the view needs to say what is missing. */
export type ResultView = DetectOutcome & { options: DetectOptions };

export type HostToWebview =
  | { type: 'state'; state: PanelState };

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'faceSelected'; index: number | undefined }
  | { type: 'run'; command: 'showJson' | 'redetect' | 'openSettings' };

/** Type guard for messages arriving from the webview: it is untrusted input. */
export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; index?: unknown; command?: unknown };
  switch (m.type) {
    case 'ready': return true;
    case 'faceSelected': return m.index === undefined || (typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0);
    case 'run': return m.command === 'showJson' || m.command === 'redetect' || m.command === 'openSettings';
    default: return false;
  }
}
