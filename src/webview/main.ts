// The results webview: image + overlay, a toolbar of layer toggles, and a card per face.
// It renders whatever `state` the host sends; the only things it keeps itself are the layer
// toggles (saved with setState so a restored panel looks the same).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { FaceDetectionResult } from '../core/contract';
import type { HostToWebview, PanelState, WebviewToHost } from '../shared/protocol';
import { drawOverlay, type Layers } from './overlay';

interface VsCodeApi { postMessage(m: WebviewToHost): void; getState(): Saved | undefined; setState(s: Saved): void }
/** 'fit' scales the image to the panel (up or down); a number is screen pixels per image pixel. */
type Zoom = 'fit' | number;
interface Saved extends PanelState { layers?: Layers; zoom?: Zoom }
const ZOOM_STEPS = [0.25, 0.5, 1, 2, 4, 8];
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
let state: PanelState | undefined = vscode.getState();
let layers: Layers = vscode.getState()?.layers ?? { rectangles: true, landmarks: true, headPose: true, labels: true };
let zoom: Zoom = vscode.getState()?.zoom ?? 'fit';
let shownScale = 1; // the scale the image is drawn at now, for the zoom buttons to step from

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: Array<Node | string | undefined>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined) node.append(c);
  return node;
}
const icon = (name: string) => h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });

function save(): void { if (state) vscode.setState({ ...state, layers, zoom }); }

function render(): void {
  if (!state) { app.replaceChildren(h('p', { class: 'empty' }, 'Waiting for the extension…')); return; }
  const s = state;
  const faces = s.result?.faces ?? [];
  app.replaceChildren(toolbar(s, faces), h('div', { class: 'content' }, stage(s, faces), facesPanel(s, faces)));
}

function toolbar(s: PanelState, faces: FaceDetectionResult[]): HTMLElement {
  const r = s.result;
  const meta = h('div', { class: 'meta' });
  if (s.status === 'detecting') meta.append(h('vscode-progress-ring', { class: 'ring', 'aria-label': 'Detecting' }), 'Detecting faces…');
  else if (r) {
    meta.append(
      h('vscode-badge', { variant: 'counter', class: 'count', 'data-testid': 'face-count' }, String(faces.length)),
      ` ${faces.length === 1 ? 'face' : 'faces'} · `,
      h('span', { class: `provider provider-${r.provider}`, title: r.providerLabel }, icon(r.provider === 'local' ? 'device-desktop' : 'azure'), ' ', r.providerLabel),
      ` · ${r.options.detectionModel} · ${Math.round(r.durationMs)} ms`,
    );
    if (r.requestId) meta.append(h('span', { class: 'request-id', title: 'client-request-id: quote it to Azure support' }, ` · ${r.requestId}`));
  }
  const toggles = h('div', { class: 'toggles', role: 'group', 'aria-label': 'Layers' });
  for (const [key, label] of [['rectangles', 'Rectangles'], ['landmarks', 'Landmarks'], ['headPose', 'Head pose'], ['labels', 'Numbers']] as Array<[keyof Layers, string]>) {
    const box = h('vscode-checkbox', { label, 'data-layer': key });
    (box as unknown as { checked: boolean }).checked = layers[key];
    box.addEventListener('change', () => { layers = { ...layers, [key]: (box as unknown as { checked: boolean }).checked }; save(); render(); });
    toggles.append(box);
  }
  const zoomLabel = h('span', { class: 'zoom-level', 'data-testid': 'zoom' }, zoom === 'fit' ? 'Fit' : `${Math.round(zoom * 100)}%`);
  const step = (direction: 1 | -1) => {
    const next = direction > 0 ? ZOOM_STEPS.find((z) => z > shownScale * 1.001) : [...ZOOM_STEPS].reverse().find((z) => z < shownScale * 0.999);
    if (next) { zoom = next; save(); render(); }
  };
  const zoomControls = h('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom' },
    iconButton('zoom-out', 'Zoom out', () => step(-1)), zoomLabel, iconButton('zoom-in', 'Zoom in', () => step(1)),
    iconButton('screen-full', 'Fit to panel', () => { zoom = 'fit'; save(); render(); }));
  const actions = h('div', { class: 'actions' },
    button('Show JSON', 'json', () => vscode.postMessage({ type: 'run', command: 'showJson' }), !r),
    button('Re-detect', 'refresh', () => vscode.postMessage({ type: 'run', command: 'redetect' }), s.status === 'detecting', true),
  );
  return h('header', { class: 'toolbar' }, h('div', { class: 'title' }, icon('file-media'), ' ', s.image.name), meta, toggles, zoomControls, actions);
}

function iconButton(codicon: string, label: string, onClick: () => void): HTMLElement {
  const b = h('button', { class: 'icon-button', title: label, 'aria-label': label }, icon(codicon));
  b.addEventListener('click', onClick);
  return b;
}

function button(label: string, codicon: string, onClick: () => void, disabled: boolean, secondary = false): HTMLElement {
  const b = h('vscode-button', { icon: codicon, ...(secondary ? { secondary: '' } : {}), ...(disabled ? { disabled: '' } : {}) }, label);
  b.addEventListener('click', onClick);
  return b;
}

let resizeObserver: ResizeObserver | undefined;

function stage(s: PanelState, faces: FaceDetectionResult[]): HTMLElement {
  const img = h('img', { src: s.image.src, alt: s.image.name, class: 'photo' });
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'overlay');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${faces.length} detected face${faces.length === 1 ? '' : 's'}`);
  const draw = () => {
    // Coordinates refer to the upright image; the browser shows JPEGs upright (EXIF) as the service does.
    const size = s.result?.imageSize ?? { width: img.naturalWidth, height: img.naturalHeight };
    if (!(size.width > 0)) return;
    const stageBox = section.getBoundingClientRect();
    const fitScale = Math.min((stageBox.width - 24) / size.width, (window.innerHeight - stageBox.top - 24) / size.height);
    shownScale = zoom === 'fit' ? Math.max(fitScale, 0.05) : zoom;
    img.style.width = `${size.width * shownScale}px`;
    img.style.height = `${size.height * shownScale}px`;
    drawOverlay(svg, faces, size, layers, s.selectedFace, shownScale);
  };
  if (img.complete) queueMicrotask(draw); else img.addEventListener('load', draw, { once: true });
  resizeObserver?.disconnect();
  resizeObserver = new ResizeObserver(() => { if (zoom === 'fit') draw(); });
  img.addEventListener('error', () => frame.replaceChildren(h('p', { class: 'error' }, icon('error'), ` Could not display ${s.image.name}.`)));
  svg.addEventListener('mouseover', (e) => {
    const g = (e.target as Element).closest('[data-face]');
    document.querySelectorAll('.hover').forEach((el) => el.classList.remove('hover'));
    if (g) setHover(Number(g.getAttribute('data-face')), true);
  });
  svg.addEventListener('mouseleave', () => document.querySelectorAll('.hover').forEach((el) => el.classList.remove('hover')));
  svg.addEventListener('click', (e) => {
    const g = (e.target as Element).closest('[data-face]');
    select(g ? Number(g.getAttribute('data-face')) : undefined);
  });
  const frame = h('div', { class: 'frame' }, img, svg as unknown as Node);
  const children: Array<Node | undefined> = [frame];
  if (s.status === 'error' && s.error) {
    const banner = h('div', { class: 'banner error-banner', role: 'alert' }, icon('error'), h('span', {}, s.error));
    banner.append(button('Settings', 'settings-gear', () => vscode.postMessage({ type: 'run', command: 'openSettings' }), false, true));
    children.unshift(banner);
  } else if (s.status === 'cancelled') {
    children.unshift(h('div', { class: 'banner info-banner', role: 'status' }, icon('info'), h('span', {}, s.error ?? 'Detection was cancelled.')));
  }
  if (s.status === 'done' && faces.length === 0) children.push(h('p', { class: 'no-faces' }, icon('info'), ' No faces found.'));
  const section = h('section', { class: 'stage' }, ...children);
  resizeObserver.observe(section);
  return section;
}

function facesPanel(s: PanelState, faces: FaceDetectionResult[]): HTMLElement {
  const list = h('aside', { class: 'faces', 'aria-label': 'Faces' });
  faces.forEach((face, i) => {
    const r = face.faceRectangle;
    const card = h('div', { class: `card${i === s.selectedFace ? ' selected' : ''}`, tabindex: '0', role: 'button', 'data-face': String(i), 'aria-pressed': String(i === s.selectedFace) },
      h('div', { class: 'card-title' }, icon('account'), ` Face ${i + 1}`, h('span', { class: 'dim' }, ` ${r.width}×${r.height} at ${r.left}, ${r.top}`)));
    const rows = h('dl', {});
    if (face.faceId) addRow(rows, 'faceId', face.faceId);
    if (face.faceLandmarks) addRow(rows, 'landmarks', `${Object.keys(face.faceLandmarks).length} points`);
    for (const [name, value] of Object.entries(face.faceAttributes ?? {})) addRow(rows, name, describe(value));
    card.append(rows);
    card.addEventListener('click', () => select(i === s.selectedFace ? undefined : i));
    // Hovering a card outlines its face, and hovering a face outlines its card (no re-render).
    card.addEventListener('mouseenter', () => setHover(i, true));
    card.addEventListener('mouseleave', () => setHover(i, false));
    card.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(i); } });
    list.append(card);
  });
  for (const warning of s.result?.warnings ?? []) list.append(h('p', { class: 'note warning' }, icon('warning'), ` ${warning}`));
  const missing = missingFields(s);
  if (missing.length) {
    list.append(h('p', { class: 'note', 'data-testid': 'unsupported' }, icon('info'),
      s.result?.provider === 'local'
        ? ` The local detector does not compute: ${missing.join(', ')}. Azure AI Face does.`
        : ` Requested but not returned: ${missing.join(', ')}.`));
  }
  return list;
}

/** Requested fields the provider said it cannot compute, or that no face came back with. */
function missingFields(s: PanelState): string[] {
  const r = s.result;
  if (!r) return [];
  const missing = new Set(r.unsupportedAttributes);
  if (r.faces.length > 0) {
    for (const a of r.options.returnFaceAttributes) if (!r.faces.some((f) => f.faceAttributes && a in f.faceAttributes)) missing.add(a);
  }
  return [...missing];
}

function addRow(dl: HTMLElement, name: string, value: string): void { dl.append(h('dt', {}, name), h('dd', {}, value)); }

/** One readable line for any attribute value, known or not. */
function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.length ? value.map(describe).join('; ') : 'none';
  const v = value as Record<string, unknown>;
  const level = Object.keys(v).find((k) => k.endsWith('Level') || k === 'type');
  if (level && typeof v.value === 'number') return `${String(v[level])} (${v.value})`;
  return Object.entries(v).map(([k, x]) => `${k} ${typeof x === 'object' ? describe(x) : String(x)}`).join(', ');
}

function setHover(index: number, on: boolean): void {
  document.querySelectorAll(`[data-face="${index}"]`).forEach((el) => el.classList.toggle('hover', on));
}

function select(index: number | undefined): void {
  if (!state) return;
  state = { ...state, selectedFace: index };
  save(); render();
  vscode.postMessage({ type: 'faceSelected', index });
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const m = event.data;
  if (m.type === 'state') state = m.state;
  save(); render();
  document.querySelector('.card.selected')?.scrollIntoView({ block: 'nearest' });
});

render();
vscode.postMessage({ type: 'ready' });
