// Small faces: Blazeface sees the picture at 256x256, so a face under ~1/10 of the picture's longer
// side is often missed (celebrities photo: 2 of 4 faces untiled). We also run it on overlapping tiles
// and merge. Tiles are a fixed function of the image size, so results stay deterministic.
import type { HumanFace } from './engine';

export interface Region { x: number; y: number; width: number; height: number }

/** Smallest tile side: below it Blazeface's input would upscale too much to help. */
const MIN_TILE = 320;
/** Tile side = longer image side / this (so tiles catch faces down to ~1/20 of the longer side). */
const TILES_ACROSS = 2;
/** Overlap between neighbouring tiles, as a fraction of the tile: a face smaller than this fits whole in some tile. */
const OVERLAP = 0.25;
/**
 * Faces the mesh model rates below this are dropped. On the test photos every real face scored
 * 0.89-1.0 (most 1.0); non-faces scored 0.35 (a dog's head) and 0.55 (grey fill beside a rotated photo).
 */
export const MIN_FACE_SCORE = 0.7;
/** Two detections are the same face when their intersection covers this much of the smaller one. */
const SAME_FACE_OVERLAP = 0.4;

/** The tiles to run after the whole picture; none when the picture is already small. */
export function planTiles(width: number, height: number): Region[] {
  const longer = Math.max(width, height);
  const side = Math.max(MIN_TILE, Math.round(longer / TILES_ACROSS));
  if (longer < side * 1.5) return [];
  const xs = tileStarts(width, Math.min(side, width));
  const ys = tileStarts(height, Math.min(side, height));
  return ys.flatMap((y) => xs.map((x) => ({ x, y, width: Math.min(side, width), height: Math.min(side, height) })));
}

function tileStarts(length: number, side: number): number[] {
  if (side >= length) return [0];
  const count = Math.ceil((length - side) / (side * (1 - OVERLAP))) + 1;
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - side)) / (count - 1)));
}

export interface Box { left: number; top: number; right: number; bottom: number }

/** The extent of the 468 face-mesh points (iris points excluded). */
export function meshBox(face: HumanFace): Box {
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const [x, y] of face.mesh.slice(0, 468)) {
    box.left = Math.min(box.left, x);
    box.top = Math.min(box.top, y);
    box.right = Math.max(box.right, x);
    box.bottom = Math.max(box.bottom, y);
  }
  return box;
}

/**
 * Merges whole-picture and tile detections: drops low face scores and faces cut by a tile's inner
 * edge, then keeps the best Blazeface score of any group covering the same face. A small face scores
 * higher, and gets a better mesh, in a tile where it is relatively larger.
 */
export function mergeDetections(whole: HumanFace[], perTile: Array<{ tile: Region; faces: HumanFace[] }>, image: { width: number; height: number }): HumanFace[] {
  const byScore = (a: HumanFace, b: HumanFace) => b.boxScore - a.boxScore;
  const fromTiles = perTile.flatMap(({ tile, faces }) => faces.filter((f) => !cutByTileEdge(meshBox(f), tile, image)));
  // Stable sort: on equal scores the whole-picture detection comes first.
  const candidates = [...whole, ...fromTiles].filter((f) => f.faceScore >= MIN_FACE_SCORE).sort(byScore);
  const kept: Array<{ face: HumanFace; box: Box }> = [];
  for (const face of candidates) {
    const box = meshBox(face);
    if (kept.every((k) => overlapOfSmaller(k.box, box) < SAME_FACE_OVERLAP)) kept.push({ face, box });
  }
  return kept.map((k) => k.face);
}

function cutByTileEdge(box: Box, tile: Region, image: { width: number; height: number }): boolean {
  const margin = 2;
  return (tile.x > 0 && box.left <= tile.x + margin)
    || (tile.y > 0 && box.top <= tile.y + margin)
    || (tile.x + tile.width < image.width && box.right >= tile.x + tile.width - margin)
    || (tile.y + tile.height < image.height && box.bottom >= tile.y + tile.height - margin);
}

function overlapOfSmaller(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  const area = (r: Box) => (r.right - r.left) * (r.bottom - r.top);
  return (w * h) / Math.min(area(a), area(b));
}
