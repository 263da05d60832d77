// Draws faces over the image as SVG in the image's own pixel coordinates (viewBox = image size),
// so nothing is rescaled by hand: the browser scales the overlay with the <img>.
import type { FaceDetectionResult, HeadPose, Point } from '../core/contract';

const SVG = 'http://www.w3.org/2000/svg';

export interface Layers { rectangles: boolean; landmarks: boolean; headPose: boolean; labels: boolean }

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent.appendChild(node);
  return node;
}

/**
 * `scale` is screen pixels per image pixel: markers and labels are sized in screen pixels, so they
 * stay the same size on screen at any zoom.
 */
export function drawOverlay(svg: SVGSVGElement, faces: FaceDetectionResult[], size: { width: number; height: number }, layers: Layers, selected: number | undefined, scale: number): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  const unit = 1 / scale; // one screen pixel, in image pixels
  faces.forEach((face, index) => {
    const g = el('g', { class: `face${index === selected ? ' selected' : ''}`, 'data-face': index, tabindex: -1 }, svg);
    const r = face.faceRectangle;
    if (layers.rectangles) {
      el('rect', { class: 'face-rect', x: r.left, y: r.top, width: r.width, height: r.height }, g);
    }
    // A transparent hit area so the face is clickable even with the rectangle layer off.
    el('rect', { class: 'face-hit', x: r.left, y: r.top, width: r.width, height: r.height }, g);
    if (layers.landmarks && face.faceLandmarks) {
      for (const [name, p] of Object.entries(face.faceLandmarks) as Array<[string, Point]>) {
        const dot = el('circle', { class: `landmark ${name.startsWith('pupil') ? 'pupil' : ''}`, cx: p.x, cy: p.y, r: unit * 2.5 }, g);
        el('title', {}, dot).textContent = `${name} (${p.x}, ${p.y})`;
      }
    }
    const pose = face.faceAttributes?.headPose;
    if (layers.headPose && pose) drawHeadPose(g, pose, anchor(face), r.width * 0.55);
    if (layers.labels) {
      const label = el('text', { class: 'face-label', x: r.left, y: Math.max(r.top - unit * 3, unit * 13), 'font-size': unit * 13 }, g);
      label.textContent = String(index + 1);
    }
  });
}

function anchor(face: FaceDetectionResult): Point {
  const nose = face.faceLandmarks?.noseTip;
  if (nose) return nose;
  const r = face.faceRectangle;
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The head's x (red), y (green) and z (blue, out of the face) axes, projected onto the image. */
function drawHeadPose(parent: Element, pose: HeadPose, at: Point, size: number): void {
  const rad = Math.PI / 180;
  const pitch = pose.pitch * rad, yaw = -pose.yaw * rad, roll = pose.roll * rad;
  const axes: Array<[string, number, number]> = [
    ['axis-x', Math.cos(yaw) * Math.cos(roll), Math.cos(pitch) * Math.sin(roll) + Math.cos(roll) * Math.sin(pitch) * Math.sin(yaw)],
    ['axis-y', -Math.cos(yaw) * Math.sin(roll), Math.cos(pitch) * Math.cos(roll) - Math.sin(pitch) * Math.sin(yaw) * Math.sin(roll)],
    ['axis-z', Math.sin(yaw), -Math.cos(yaw) * Math.sin(pitch)],
  ];
  const g = el('g', { class: 'head-pose' }, parent);
  el('title', {}, g).textContent = `pitch ${pose.pitch}°, roll ${pose.roll}°, yaw ${pose.yaw}°`;
  for (const [cls, dx, dy] of axes) {
    el('line', { class: `axis ${cls}`, x1: at.x, y1: at.y, x2: at.x + dx * size, y2: at.y + dy * size }, g);
  }
}
