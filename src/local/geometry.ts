// Face rectangle per detection model and head pose, both derived from the mesh/landmarks.
//
// Rectangles: Human's own box is ~1.4x Azure's and differently shaped, so we rebuild Azure's from the
// landmarks. Scale unit = eye-to-mouth distance (pupil midpoint to mouth-corner midpoint), which held
// within 3% across the reference faces; the centre sits a fraction of the way from the eyes to the
// mouth, nudged sideways with yaw (detection_03's box covers the back of a turned head, detection_01's
// follows the features). Constants fitted to reference-outputs.json (detection1.jpg and detection3.jpg,
// both models; 2 faces per model, so treat it as a calibration, not a validation): IoU 0.93-0.98,
// worst edge 7 px (3.1% of the box width).
import type { DetectionModel, FaceLandmarks, FaceRectangle, HeadPose, Point } from '../core/contract';
import { distance, midpoint, round1, type MeshPoint } from './landmarks';

interface BoxRule {
  /** Centre = eyes + alongFace x (mouth - eyes) + sidewaysPerSinYaw x sin(yaw) x scale, sideways = perpendicular to eyes->mouth. */
  alongFace: number;
  sidewaysPerSinYaw: number;
  /** Width and height in units of the face scale. */
  width: number;
  height: number;
}

const BOX_RULES: Record<DetectionModel, BoxRule> = {
  // Square around eyes, nose and mouth.
  detection_01: { alongFace: 0.472, sidewaysPerSinYaw: -0.187, width: 2.187, height: 2.187 },
  // No reference output: Azure doesn't document a different box, so detection_01's rule.
  detection_02: { alongFace: 0.472, sidewaysPerSinYaw: -0.187, width: 2.187, height: 2.187 },
  // Taller, forehead to chin.
  detection_03: { alongFace: 0.284, sidewaysPerSinYaw: 0.636, width: 2.23, height: 2.894 },
};

/**
 * Pupil distance stands in for eye-to-mouth distance when a face tilts up or down (which shortens
 * the latter); 0.95 keeps it out of the way for upright faces (ratio 1.01 frontal, 0.80 turned).
 */
const PUPIL_DISTANCE_TO_SCALE = 0.95;

export function faceRectangle(
  landmarks: FaceLandmarks, yawDegrees: number, model: DetectionModel, image: { width: number; height: number },
): FaceRectangle {
  const rule = BOX_RULES[model];
  const eyes = midpoint(landmarks.pupilLeft, landmarks.pupilRight);
  const mouth = midpoint(landmarks.mouthLeft, landmarks.mouthRight);
  const eyeToMouth = distance(eyes, mouth);
  const scale = Math.max(eyeToMouth, PUPIL_DISTANCE_TO_SCALE * distance(landmarks.pupilLeft, landmarks.pupilRight));
  const down: Point = { x: (mouth.x - eyes.x) / (eyeToMouth || 1), y: (mouth.y - eyes.y) / (eyeToMouth || 1) };
  const side: Point = { x: -down.y, y: down.x }; // towards image-left for an upright face
  const shift = rule.sidewaysPerSinYaw * Math.sin((yawDegrees * Math.PI) / 180) * scale;
  const centreX = eyes.x + rule.alongFace * (mouth.x - eyes.x) + shift * side.x;
  const centreY = eyes.y + rule.alongFace * (mouth.y - eyes.y) + shift * side.y;
  // Round the size first so a detection_01 box stays square, then clip to the picture.
  const width = Math.round(rule.width * scale);
  const height = Math.round(rule.height * scale);
  const left = clamp(Math.round(centreX - width / 2), 0, image.width - 1);
  const top = clamp(Math.round(centreY - height / 2), 0, image.height - 1);
  const right = clamp(Math.round(centreX - width / 2) + width, left + 1, image.width);
  const bottom = clamp(Math.round(centreY - height / 2) + height, top + 1, image.height);
  return { top, left, width: right - left, height: bottom - top };
}

/**
 * Head pose in degrees with Azure's signs (checked on reference-outputs.json: detection1.jpg has roll
 * -16.9, yaw +12.3, pitch -17.1; detection3.jpg yaw positive).
 * - roll: angle of the line from the image-left eye's centre to the other's, in image coordinates
 *   (y down), so a clockwise turn of the picture adds to it.
 * - yaw: how far the across-the-face direction (eye corners + cheek edges) points into depth.
 * - pitch: the same for the forehead-to-chin direction, negated so a face turned down is negative.
 * Mesh z is depth on the same scale as x and y; the signs of yaw and pitch were set from the references.
 */
export function headPose(mesh: MeshPoint[]): HeadPose {
  const centre = (a: number, b: number): MeshPoint => [(mesh[a][0] + mesh[b][0]) / 2, (mesh[a][1] + mesh[b][1]) / 2, (mesh[a][2] + mesh[b][2]) / 2];
  const leftEye = centre(33, 133);
  const rightEye = centre(263, 362);
  const roll = Math.atan2(rightEye[1] - leftEye[1], rightEye[0] - leftEye[0]);
  const across = add(sub(mesh[263], mesh[33]), sub(mesh[454], mesh[234]));
  const downFace = sub(mesh[152], mesh[10]);
  const yaw = Math.atan2(across[2], Math.hypot(across[0], across[1]));
  const pitch = -Math.atan2(downFace[2], Math.hypot(downFace[0], downFace[1]));
  const degrees = (radians: number) => round1((radians * 180) / Math.PI) + 0; // + 0 turns -0 into 0
  return { pitch: degrees(pitch), roll: degrees(roll), yaw: degrees(yaw) };
}

function sub(a: MeshPoint, b: MeshPoint): MeshPoint {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function add(a: MeshPoint, b: MeshPoint): MeshPoint {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}
function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
