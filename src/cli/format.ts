// Human-readable summary of a detect outcome for the terminal.
import { displayEnum, type DetectOutcome, type FaceDetectionResult } from '../core/index';

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** One attribute as "name: value", whatever its shape (unknown attributes included). */
function formatAttribute(name: string, value: unknown): string {
  return `${displayEnum(name).toLowerCase()}: ${formatValue(value)}`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return displayEnum(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : 'none';
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // {xxxLevel: "low", value: 0.1} and {type, confidence} read best as "Low (0.10)".
    const label = entries.find(([k, v]) => typeof v === 'string' && (k.endsWith('Level') || k === 'type' || k === 'color'));
    const score = entries.find(([k, v]) => typeof v === 'number' && (k === 'value' || k === 'confidence'));
    if (label && score && entries.length === 2) return `${displayEnum(label[1] as string)} (${num(score[1] as number)})`;
    return entries.map(([k, v]) => `${displayEnum(k).toLowerCase()} ${formatValue(v)}`).join(', ');
  }
  return String(value);
}

function formatFace(face: FaceDetectionResult, index: number): string[] {
  const r = face.faceRectangle;
  const lines = [`  #${index + 1} left ${r.left}, top ${r.top}, ${r.width}x${r.height} px${face.faceId ? `, faceId ${face.faceId}` : ''}`];
  if (face.faceLandmarks) lines.push(`     landmarks: ${Object.keys(face.faceLandmarks).length}`);
  const { headPose, ...rest } = face.faceAttributes ?? {};
  if (headPose) lines.push(`     head pose: pitch ${num(headPose.pitch)}°, roll ${num(headPose.roll)}°, yaw ${num(headPose.yaw)}°`);
  for (const [name, value] of Object.entries(rest)) lines.push(`     ${formatAttribute(name, value)}`);
  return lines;
}

export function formatOutcome(input: string, outcome: DetectOutcome): string {
  const n = outcome.faces.length;
  const size = outcome.imageSize ? `, ${outcome.imageSize.width}x${outcome.imageSize.height}` : '';
  const lines = [`${input}: ${n} face${n === 1 ? '' : 's'} (${outcome.providerLabel}${size}, ${outcome.durationMs} ms)`];
  outcome.faces.forEach((face, i) => lines.push(...formatFace(face, i)));
  if (outcome.unsupportedAttributes.length) lines.push(`  not computed by this provider: ${outcome.unsupportedAttributes.join(', ')}`);
  for (const warning of outcome.warnings ?? []) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}
