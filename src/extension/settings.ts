// Reads the faceInspector.* settings into what the core needs: detect options and a provider choice.
import * as vscode from 'vscode';
import type { DetectOptions } from '../core/contract';
import { buildDetectOptions } from '../core/options';

export type ProviderSetting = 'auto' | 'local' | 'azure';
export type AuthSetting = 'key' | 'entraId';

export interface InspectorSettings {
  provider: ProviderSetting;
  endpoint: string;
  auth: AuthSetting;
  tenantId: string;
  options: DetectOptions;
  timeoutMs: number;
  maxRetries: number;
}

export const SECTION = 'faceInspector';

export function readSettings(): InspectorSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const returnFaceId = c.get<boolean>('returnFaceId', false);
  return {
    provider: c.get<ProviderSetting>('provider', 'auto'),
    endpoint: c.get<string>('endpoint', '').trim(),
    auth: c.get<AuthSetting>('auth', 'key'),
    tenantId: c.get<string>('tenantId', '').trim(),
    // Only values the user set are passed on, so the core's model-aware defaults apply to the rest
    // (e.g. no landmarks by default with detection_02, attributes = what the model supports).
    options: buildDetectOptions({
      apiVersion: explicit<string>(c, 'apiVersion'),
      detectionModel: explicit<string>(c, 'detectionModel'),
      recognitionModel: explicit<string>(c, 'recognitionModel'),
      returnFaceId,
      returnFaceLandmarks: explicit<boolean>(c, 'returnFaceLandmarks'),
      returnFaceAttributes: explicit<string[] | null>(c, 'returnFaceAttributes'),
      returnRecognitionModel: explicit<boolean>(c, 'returnRecognitionModel'),
      faceIdTimeToLive: returnFaceId ? c.get<number>('faceIdTimeToLive', 86400) : undefined,
    }),
    timeoutMs: Math.round(c.get<number>('timeoutSeconds', 30) * 1000),
    maxRetries: c.get<number>('maxRetries', 3),
  };
}

/** A setting's value only when the user (or workspace) set it; undefined for the default. */
function explicit<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

/** Which provider runs: "auto" means Azure once an endpoint is set, otherwise local. */
export function effectiveProvider(s: InspectorSettings): 'azure' | 'local' {
  if (s.provider === 'auto') return s.endpoint ? 'azure' : 'local';
  return s.provider;
}
