// Reads the faceInspector.* settings into what the core needs: detect options and a provider choice.
import * as vscode from 'vscode';
import type { ApiVersion, DetectOptions, DetectionModel, FaceAttributeName, RecognitionModel } from '../core/contract';
import { defaultAttributesFor } from '../core/models';

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
  const detectionModel = c.get<DetectionModel>('detectionModel', 'detection_03');
  const apiVersion = c.get<ApiVersion>('apiVersion', 'v1.2');
  // null (the default) means "whatever this model supports"; [] means none.
  const attributes = c.get<FaceAttributeName[] | null>('returnFaceAttributes', null);
  const returnFaceId = c.get<boolean>('returnFaceId', false);
  return {
    provider: c.get<ProviderSetting>('provider', 'auto'),
    endpoint: c.get<string>('endpoint', '').trim(),
    auth: c.get<AuthSetting>('auth', 'key'),
    tenantId: c.get<string>('tenantId', '').trim(),
    options: {
      apiVersion,
      detectionModel,
      recognitionModel: c.get<RecognitionModel>('recognitionModel', 'recognition_04'),
      returnFaceId,
      returnFaceLandmarks: c.get<boolean>('returnFaceLandmarks', true),
      returnFaceAttributes: attributes ?? [...defaultAttributesFor(detectionModel, apiVersion)],
      returnRecognitionModel: c.get<boolean>('returnRecognitionModel', false),
      faceIdTimeToLive: returnFaceId ? c.get<number>('faceIdTimeToLive', 86400) : undefined,
    },
    timeoutMs: Math.round(c.get<number>('timeoutSeconds', 30) * 1000),
    maxRetries: c.get<number>('maxRetries', 3),
  };
}

/** Which provider runs: "auto" means Azure once an endpoint is set, otherwise local. */
export function effectiveProvider(s: InspectorSettings): 'azure' | 'local' {
  if (s.provider === 'auto') return s.endpoint ? 'azure' : 'local';
  return s.provider;
}
