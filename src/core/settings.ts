// How messages name the thing the user must change. The extension says "faceInspector.detectionModel",
// the CLI says "--detection-model"; both pass their own `NameOf` to validation and error formatting.
import type { DetectOptions } from './contract';

/** Everything a message may ask the user to change. */
export type SettingField =
  | keyof DetectOptions
  | 'endpoint'
  | 'auth'
  | 'key'
  | 'timeoutSeconds'
  | 'maxRetries'
  | 'proxy';

export type NameOf = (field: SettingField) => string;

/** Extension naming: `faceInspector.<field>`. The key lives in secret storage, not in a setting. */
export const settingName: NameOf = (field) =>
  field === 'key' ? 'the Face API key (stored by Face Inspector in VS Code secret storage)' : `faceInspector.${field}`;
