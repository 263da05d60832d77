// A provider turns an image and detect options into Azure-shaped faces. Azure and the local
// engine both implement it, so every view and the CLI treat them alike.
import type { DetectOptions, FaceDetectionResult, ImageSource } from './contract';

export type ProviderKind = 'azure' | 'local';

export interface DetectOutcome {
  faces: FaceDetectionResult[];
  provider: ProviderKind;
  /** Human-readable provider name, e.g. "Azure AI Face (https://x.cognitiveservices.azure.com)" or "Local detector (Human 3.3, offline)". */
  providerLabel: string;
  /** Requested attributes this provider cannot compute, so the UI can say so instead of showing nothing. */
  unsupportedAttributes: string[];
  /** Width and height of the upright image the coordinates refer to, when known. */
  imageSize?: { width: number; height: number };
  /** client-request-id sent to Azure, for support. */
  requestId?: string;
  durationMs: number;
  /** Non-blocking validation notes (e.g. an attribute the sources disagree on), to show beside the result. */
  warnings?: string[];
}

export interface FaceProvider {
  readonly kind: ProviderKind;
  detect(image: ImageSource, options: DetectOptions, signal?: AbortSignal): Promise<DetectOutcome>;
}
