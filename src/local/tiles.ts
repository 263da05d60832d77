// Where to look for faces beyond one pass over the whole picture, and how to merge what is found.
//
// Blazeface sees the picture at 256x256, so a face under ~1/10 of the longer side is often missed
// (celebrities photo: 2 of 4 faces), and a small face that is found gets a coarse mesh. So:
//   1. the whole picture, with mesh and iris;
//   2. on large pictures, overlapping tiles, boxes only (cheap): where else might faces be?
//   3. each small or newly seen face again, on a crop a few times its size, with mesh and iris;
//   4. merge: the best-scored detection of each face wins.
// Tiles and crops are fixed functions of the image and the detections, so results stay deterministic.
import type { HumanFace, Region } from './engine';

/** Smallest tile side: below it Blazeface's input would upscale too much to help. */
const MIN_TILE = 320;
/** Tile side as a fraction of the longer image side: 2 x 2 tiles on most photos, catching faces down to ~1/20 of the longer side. */
const TILE_FRACTION = 0.6;
/** Overlap between neighbouring tiles, as a fraction of the tile: a face smaller than this fits whole in some tile. */
const OVERLAP = 0.2;
/** A face whose box is under this fraction of the longer side is re-detected on a crop for a finer mesh. */
const SMALL_FACE = 0.2;
/** The crop around a face to re-detect is this many times its box (room for Blazeface to see a whole head). */
const CROP_CONTEXT = 3;
/**
 * Faces the mesh model rates below this are dropped. On the test photos every real face scored
 * 0.89-1.0 (most 1.0); non-faces scored 0.35 (a dog's head) and 0.55 (grey fill beside a rotated photo).
 */
export const MIN_FACE_SCORE = 0.7;
/** Tile boxes Blazeface rates below this aren't worth a crop (real faces whole in a tile scored 0.72-0.91). */
const MIN_TILE_BOX_SCORE = 0.5;
/** Two detections are the same face when their intersection covers this much of the smaller one. */
const SAME_FACE_OVERLAP = 0.4;

/** Step 2: the tiles to scan for boxes; none when the picture is already small. */
export function planTiles(width: number, height: number): Region[] {
  const longer = Math.max(width, height);
  const side = Math.max(MIN_TILE, Math.round(longer * TILE_FRACTION));
  if (longer < side * 1.5) return [];
  const tileW = Math.min(side, width);
  const tileH = Math.min(side, height);
  return tileStarts(height, tileH).flatMap((y) => tileStarts(width, tileW).map((x) => ({ x, y, width: tileW, height: tileH })));
}

function tileStarts(length: number, side: number): number[] {
  if (side >= length) return [0];
  const count = Math.ceil((length - side) / (side * (1 - OVERLAP))) + 1;
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - side)) / (count - 1)));
}

/**
 * Step 3: crops to re-detect on: around every small face of the whole-picture pass and every tile
 * box that no large whole-picture face already covers. One crop per face (the best-scored box).
 */
export function planCrops(whole: HumanFace[], tileBoxes: HumanFace[], image: { width: number; height: number }): Region[] {
  const longer = Math.max(image.width, image.height);
  const isSmall = (f: HumanFace) => Math.max(f.box[2], f.box[3]) < SMALL_FACE * longer;
  const settled = whole.filter((f) => !isSmall(f) && f.faceScore >= MIN_FACE_SCORE).map((f) => toBox(f.box));
  const wanted = [...whole.filter(isSmall), ...tileBoxes.filter((t) => t.boxScore >= MIN_TILE_BOX_SCORE && settled.every((b) => overlapOfSmaller(b, toBox(t.box)) < SAME_FACE_OVERLAP))];
  const crops: Region[] = [];
  const taken: Box[] = [];
  for (const face of [...wanted].sort((a, b) => b.boxScore - a.boxScore)) {
    const box = toBox(face.box);
    if (taken.some((b) => overlapOfSmaller(b, box) >= SAME_FACE_OVERLAP)) continue;
    taken.push(box);
    crops.push(cropAround(face.box, image));
  }
  return crops;
}

function cropAround([x, y, w, h]: HumanFace['box'], image: { width: number; height: number }): Region {
  const side = Math.min(Math.round(Math.max(w, h) * CROP_CONTEXT), image.width, image.height);
  const left = Math.min(Math.max(0, Math.round(x + w / 2 - side / 2)), image.width - side);
  const top = Math.min(Math.max(0, Math.round(y + h / 2 - side / 2)), image.height - side);
  return { x: left, y: top, width: side, height: side };
}

/**
 * Step 4: drops low face scores and faces cut by a crop's inner edge, then keeps the best Blazeface
 * score of any group covering the same face. A small face scores higher, and gets a better mesh, in a
 * crop where it is relatively larger.
 */
export function mergeDetections(whole: HumanFace[], perCrop: Array<{ crop: Region; faces: HumanFace[] }>, image: { width: number; height: number }): HumanFace[] {
  const fromCrops = perCrop.flatMap(({ crop, faces }) => faces.filter((f) => !cutByRegionEdge(meshBox(f), crop, image)));
  // Stable sort: on equal scores the whole-picture detection comes first.
  const candidates = [...whole, ...fromCrops].filter((f) => f.faceScore >= MIN_FACE_SCORE).sort((a, b) => b.boxScore - a.boxScore);
  const kept: Array<{ face: HumanFace; box: Box }> = [];
  for (const face of candidates) {
    const box = meshBox(face);
    if (kept.every((k) => overlapOfSmaller(k.box, box) < SAME_FACE_OVERLAP)) kept.push({ face, box });
  }
  return kept.map((k) => k.face);
}

interface Box { left: number; top: number; right: number; bottom: number }

function toBox([x, y, w, h]: HumanFace['box']): Box {
  return { left: x, top: y, right: x + w, bottom: y + h };
}

/** The extent of the 468 face-mesh points (iris points excluded). */
function meshBox(face: HumanFace): Box {
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const [x, y] of face.mesh.slice(0, 468)) {
    box.left = Math.min(box.left, x);
    box.top = Math.min(box.top, y);
    box.right = Math.max(box.right, x);
    box.bottom = Math.max(box.bottom, y);
  }
  return box;
}

/** True when the face touches an edge of the region that is not also an edge of the picture. */
function cutByRegionEdge(box: Box, region: Region, image: { width: number; height: number }): boolean {
  const margin = 2;
  return (region.x > 0 && box.left <= region.x + margin)
    || (region.y > 0 && box.top <= region.y + margin)
    || (region.x + region.width < image.width && box.right >= region.x + region.width - margin)
    || (region.y + region.height < image.height && box.bottom >= region.y + region.height - margin);
}

function overlapOfSmaller(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  const area = (r: Box) => (r.right - r.left) * (r.bottom - r.top);
  return (w * h) / Math.min(area(a), area(b));
}
