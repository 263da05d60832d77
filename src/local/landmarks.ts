// Human's 478-point face mesh -> Azure's 27 named landmarks.
// The mesh (MediaPipe numbering) is anatomical: index 33 is the subject's right eye's outer corner,
// which is the image-LEFT eye in an unmirrored photo. Azure's "Left" means image-left (see pupilLeft in
// its samples), so e.g. eyeLeftOuter = 33. Indices were checked against reference-outputs.json
// (see LOCAL-ENGINE.md). Iris centres are 468 and 473; we pick by position, not by index.
import { LANDMARK_NAMES, type FaceLandmarks, type LandmarkName, type Point } from '../core/contract';

export type MeshPoint = [number, number, number];

/** One mesh index, or the midpoint of two. */
const MESH_INDEX: Record<Exclude<LandmarkName, 'pupilLeft' | 'pupilRight'>, number | [number, number]> = {
  noseTip: 1,
  mouthLeft: 61,
  mouthRight: 291,
  eyebrowLeftOuter: [70, 46],
  eyebrowLeftInner: [107, 55],
  eyeLeftOuter: 33,
  eyeLeftTop: 159,
  eyeLeftBottom: 145,
  eyeLeftInner: 133,
  eyebrowRightInner: [336, 285],
  eyebrowRightOuter: [300, 276],
  eyeRightInner: 362,
  eyeRightTop: 386,
  eyeRightBottom: 374,
  eyeRightOuter: 263,
  noseRootLeft: 122,
  noseRootRight: 351,
  noseLeftAlarTop: 131,
  noseRightAlarTop: 360,
  noseLeftAlarOutTip: 98,
  noseRightAlarOutTip: 327,
  upperLipTop: 0,
  upperLipBottom: 13,
  underLipTop: 14,
  underLipBottom: 17,
};

const IRIS_CENTRES = [468, 473] as const;

/** The 27 landmarks, unrounded, in the documented order. */
export function meshToLandmarks(mesh: MeshPoint[]): FaceLandmarks {
  const at = (i: number): Point => ({ x: mesh[i][0], y: mesh[i][1] });
  const mid = (a: number, b: number): Point => ({ x: (mesh[a][0] + mesh[b][0]) / 2, y: (mesh[a][1] + mesh[b][1]) / 2 });
  const named: Partial<FaceLandmarks> = {};
  for (const [name, index] of Object.entries(MESH_INDEX) as Array<[LandmarkName, number | [number, number]]>) {
    named[name] = typeof index === 'number' ? at(index) : mid(index[0], index[1]);
  }
  // The pupil nearer the image-left eye's centre is pupilLeft.
  const leftEyeCentre = mid(33, 133);
  const [a, b] = IRIS_CENTRES.map(at);
  const aIsLeft = distance(a, leftEyeCentre) <= distance(b, leftEyeCentre);
  named.pupilLeft = aIsLeft ? a : b;
  named.pupilRight = aIsLeft ? b : a;
  // Rebuild in the documented order so JSON output reads like Azure's.
  return Object.fromEntries(LANDMARK_NAMES.map((name) => [name, named[name]!])) as FaceLandmarks;
}

/** Azure sends landmarks with one decimal. */
export function roundLandmarks(landmarks: FaceLandmarks): FaceLandmarks {
  return Object.fromEntries(LANDMARK_NAMES.map((name) => [name, { x: round1(landmarks[name].x), y: round1(landmarks[name].y) }])) as FaceLandmarks;
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
