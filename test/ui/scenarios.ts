// UI scenarios: each drives the real workbench through its real UI, asserts what a person would
// see, and saves a screenshot under test-results/ui/.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { answerInputBox, explorerContextMenu, openImagePreview, openWorkbench, pickFileInDialog, pickFromContextMenu, runFromPalette, webviewFrame } from './workbench';

export interface ScenarioContext {
  baseUrl: string; workspace: string; shotsDir: string; emulatorKey: string;
  /**
   * The Face contract emulator (a local test server, not Azure); one that answers after 20 s; one whose
   * faces are a real recorded Azure response for headturn_detection3.jpg.
   */
  emulatorUrl: string; slowEmulatorUrl: string; recordedEmulatorUrl: string;
}
export interface Scenario {
  name: string;
  /** User settings the workbench starts with. */
  settings?(ctx: Omit<ScenarioContext, 'baseUrl'>): Record<string, unknown>;
  /** Settings written to the workspace's .vscode/settings.json. */
  workspaceSettings?(ctx: Omit<ScenarioContext, 'baseUrl'>): Record<string, unknown>;
  /** Keep workspace trust on, so the workspace can be opened in Restricted Mode. */
  workspaceTrust?: boolean;
  run(page: Page, ctx: ScenarioContext): Promise<void>;
}

async function expectFacesDrawn(page: Page, tabTitle: string, expected: number) {
  const web = await webviewFrame(page, tabTitle);
  const img = web.locator('img.photo');
  await img.waitFor({ timeout: 30_000 });
  await web.locator('[data-testid="face-count"]').waitFor({ timeout: 60_000 });
  const shownWidth = await img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0));
  assert.ok(shownWidth > 0, 'the image is not displayed in the panel');
  assert.equal(Number(await web.locator('[data-testid="face-count"]').innerText()), expected, 'face count badge');
  assert.equal(await web.locator('svg.overlay rect.face-rect').count(), expected, 'face rectangles drawn');
  assert.equal(await web.locator('aside.faces .card').count(), expected, 'face cards listed');
  return web;
}

export const scenarios: Scenario[] = [
  {
    name: 'explorer right-click > Detect Faces shows the image with its faces (local detector)',
    async run(page, ctx) {
      await openWorkbench(page, ctx.baseUrl, ctx.workspace);
      await explorerContextMenu(page, 'group6_faces.jpg', 'Detect Faces');
      const web = await expectFacesDrawn(page, 'Faces: group6_faces.jpg', 6);
      assert.equal(await web.locator('svg.overlay circle.landmark').count(), 6 * 27, '27 landmarks per face');
      assert.match(await web.locator('.provider').innerText(), /Local detector/);
      assert.match(await web.locator('[data-testid="unsupported"]').innerText(), /mask/);
      // Hovering a card outlines its face; clicking it selects the face.
      await web.locator('aside.faces .card').nth(2).hover();
      await web.locator('svg.overlay g.face.hover[data-face="2"]').waitFor({ timeout: 5_000 });
      await web.locator('aside.faces .card').nth(1).click();
      await web.locator('svg.overlay g.face.selected[data-face="1"]').waitFor({ timeout: 5_000 });
      await page.screenshot({ path: path.join(ctx.shotsDir, 'explorer-detect-local.png') });
      // Zoom: in from the fitted size, then back to fit; the overlay follows the image.
      const width = () => web.locator('img.photo').evaluate((el: HTMLImageElement) => el.getBoundingClientRect().width);
      const overlayWidth = () => web.locator('svg.overlay').evaluate((el: SVGSVGElement) => el.getBoundingClientRect().width);
      const fitted = await width();
      assert.equal(await web.locator('[data-testid="zoom"]').innerText(), 'Fit');
      await web.locator('button[aria-label="Zoom in"]').click();
      await web.locator('[data-testid="zoom"]', { hasText: '%' }).waitFor({ timeout: 5_000 });
      let zoomed = fitted;
      for (let i = 0; i < 50 && zoomed === fitted; i++) { await page.waitForTimeout(100); zoomed = await width(); }
      assert.ok(zoomed > fitted * 1.2, `zoom in did not enlarge the image (${fitted} -> ${zoomed})`);
      assert.ok(Math.abs((await overlayWidth()) - zoomed) < 1, 'the overlay does not follow the image');
      await page.screenshot({ path: path.join(ctx.shotsDir, 'explorer-detect-local-zoomed.png') });
      await web.locator('button[aria-label="Fit to panel"]').click();
      await web.locator('[data-testid="zoom"]', { hasText: 'Fit' }).waitFor({ timeout: 5_000 });
      let refitted = zoomed;
      for (let i = 0; i < 50 && refitted === zoomed; i++) { await page.waitForTimeout(100); refitted = await width(); }
      assert.ok(Math.abs(refitted - fitted) < 1, `fit gave ${refitted}, first ${fitted}`);
    },
  },
  {
    name: 'image preview title-bar button detects the open image; Faces view lists every face',
    async run(page, ctx) {
      await openWorkbench(page, ctx.baseUrl, ctx.workspace);
      await openImagePreview(page, 'single_detection1.jpg');
      const button = page.locator('.editor-actions .action-item a[aria-label^="Detect Faces"]').first();
      await button.waitFor({ timeout: 30_000 });
      await button.click();
      await expectFacesDrawn(page, 'Faces: single_detection1.jpg', 1);
      await page.locator('.activitybar [aria-label^="Face Inspector"]').first().click();
      const tree = page.locator('[id="workbench.view.extension.faceInspector"] .monaco-list-row, .pane-body .monaco-list-row', { hasText: 'Face 1' }).first();
      await tree.waitFor({ timeout: 30_000 });
      await page.locator('.monaco-list-row', { hasText: 'faceLandmarks' }).first().waitFor({ timeout: 10_000 });
      // Selecting the face in the tree selects it in the panel.
      await tree.click();
      const web = await webviewFrame(page, 'Faces: single_detection1.jpg');
      await web.locator('svg.overlay g.face.selected[data-face="0"]').waitFor({ timeout: 10_000 });
      await web.locator('aside.faces .card.selected').waitFor({ timeout: 5_000 });
      await page.screenshot({ path: path.join(ctx.shotsDir, 'preview-detect-tree.png') });

      // After a window reload VS Code restores the panel from its saved state, without detecting again.
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await runFromPalette(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.statusbar').waitFor({ timeout: 60_000 });
      const restored = await expectFacesDrawn(page, 'Faces: single_detection1.jpg', 1);
      assert.equal(await restored.locator('.provider').count(), 1);
      await page.screenshot({ path: path.join(ctx.shotsDir, 'restored-after-reload.png') });
    },
  },
  {
    name: 'Set Azure Face Key through the input box, then detect against the Face contract emulator',
    async run(page, ctx) {
      await openWorkbench(page, ctx.baseUrl, ctx.workspace);
      await runFromPalette(page, 'Face Inspector: Set Azure Face Key');
      await answerInputBox(page, 'Azure Face endpoint', ctx.emulatorUrl); // no endpoint set yet: it asks for one first
      await answerInputBox(page, 'Azure Face key for', ctx.emulatorKey);
      await page.locator('.notifications-toasts', { hasText: 'Azure Face key stored' }).waitFor({ timeout: 15_000 });
      await explorerContextMenu(page, 'group4_identification1.jpg', 'Detect Faces');
      const web = await expectFacesDrawn(page, 'Faces: group4_identification1.jpg', 4);
      // The emulator is a test server: the panel must not present it as Azure.
      assert.match(await web.locator('.provider').innerText(), /Face API contract emulator, a local test server, not Azure/);
      const html = await page.content();
      assert.ok(!html.includes(ctx.emulatorKey), 'the key appears in the workbench DOM');
      await page.screenshot({ path: path.join(ctx.shotsDir, 'azure-emulator-detect.png') });
    },
  },
  {
    name: 'Cancel in the progress notification stops a slow Azure request and says so',
    settings: (ctx) => ({ 'faceInspector.endpoint': ctx.slowEmulatorUrl }),
    async run(page, ctx) {
      await openWorkbench(page, ctx.baseUrl, ctx.workspace);
      await runFromPalette(page, 'Face Inspector: Set Azure Face Key');
      await answerInputBox(page, 'Azure Face key for', ctx.emulatorKey); // the endpoint is set: only the key is asked
      await explorerContextMenu(page, 'single_detection1.jpg', 'Detect Faces');
      const toast = page.locator('.notification-toast', { hasText: 'Detecting faces in single_detection1.jpg' });
      await toast.waitFor({ timeout: 15_000 });
      const started = Date.now();
      await toast.locator('.monaco-button, a.monaco-button', { hasText: 'Cancel' }).click();
      const web = await webviewFrame(page, 'Faces: single_detection1.jpg');
      await web.locator('.info-banner', { hasText: 'Detection was cancelled.' }).waitFor({ timeout: 10_000 });
      assert.ok(Date.now() - started < 10_000, 'cancelling did not stop the 20 s request');
      assert.equal(await web.locator('svg.overlay rect.face-rect').count(), 0);
      await page.screenshot({ path: path.join(ctx.shotsDir, 'cancelled.png') });
    },
  },
  {
    name: 'palette Detect Faces with no image open asks for a file, and says when there is no face',
    async run(page, ctx) {
      await openWorkbench(page, ctx.baseUrl, ctx.workspace);
      await runFromPalette(page, 'Face Inspector: Detect Faces');
      await pickFileInDialog(page, 'Choose images to detect faces in', 'noface_dog.jpg');
      const web = await webviewFrame(page, 'Faces: noface_dog.jpg');
      await web.locator('[data-testid="face-count"]').waitFor({ timeout: 60_000 });
      assert.equal(await web.locator('[data-testid="face-count"]').innerText(), '0');
      await web.locator('.no-faces', { hasText: 'No faces found.' }).waitFor({ timeout: 5_000 });
      await page.screenshot({ path: path.join(ctx.shotsDir, 'palette-file-picker-no-face.png') });
    },
  },
  {
    name: "image preview: the tab's context menu and the preview's own right-click menu both detect",
    async run(page, ctx) {
      await openWorkbench(page, ctx.baseUrl, ctx.workspace);
      await openImagePreview(page, 'group4_identification1.jpg');
      const tab = page.locator('.tabs-container .tab', { hasText: 'group4_identification1.jpg' }).first();
      await pickFromContextMenu(page, () => tab.click({ button: 'right' }), 'Detect Faces');
      await expectFacesDrawn(page, 'Faces: group4_identification1.jpg', 4);

      await openImagePreview(page, 'group6_faces.jpg');
      const preview = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('img').first();
      await preview.waitFor({ timeout: 30_000 });
      await pickFromContextMenu(page, () => preview.click({ button: 'right' }), 'Detect Faces');
      await expectFacesDrawn(page, 'Faces: group6_faces.jpg', 6);
      await page.screenshot({ path: path.join(ctx.shotsDir, 'preview-menus-detect.png') });
    },
  },
  {
    name: 'in Restricted Mode a workspace cannot send your images to its own endpoint: the local detector runs',
    workspaceTrust: true,
    workspaceSettings: (ctx) => ({ 'faceInspector.provider': 'azure', 'faceInspector.endpoint': ctx.emulatorUrl }),
    async run(page, ctx) {
      await page.goto(`${ctx.baseUrl}/?folder=${encodeURIComponent(ctx.workspace)}`);
      // VS Code asks whether to trust the folder's authors: a careful person says no.
      const dontTrust = page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust the authors/ });
      await dontTrust.waitFor({ timeout: 60_000 });
      await dontTrust.click();
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await explorerContextMenu(page, 'group6_faces.jpg', 'Detect Faces');
      const web = await expectFacesDrawn(page, 'Faces: group6_faces.jpg', 6);
      assert.match(await web.locator('.provider').innerText(), /Local detector/);
      await page.screenshot({ path: path.join(ctx.shotsDir, 'restricted-mode-local.png') });
    },
  },
  {
    name: 'the Get Started walkthrough (dark theme) leads to a first offline detection',
    settings: () => ({ 'workbench.colorTheme': 'Default Dark Modern' }),
    async run(page, ctx) {
      await openWorkbench(page, ctx.baseUrl, ctx.workspace);
      await runFromPalette(page, 'Welcome: Open Walkthrough...');
      const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Face Inspector' }).first();
      await pick.waitFor({ timeout: 15_000 });
      await pick.click();
      const step = page.locator('.getting-started-step', { hasText: 'Detect faces in a photo, offline' }).first();
      await step.waitFor({ timeout: 30_000 });
      for (const title of ['Read every field', 'Connect Azure AI Face', 'Or sign in with Microsoft Entra ID']) {
        await page.locator('.getting-started-step', { hasText: title }).first().waitFor({ timeout: 5_000 });
      }
      // The step's markdown is shown beside it, in a webview.
      const media = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
      await media.locator('h1', { hasText: 'Detect faces, offline' }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(ctx.shotsDir, 'walkthrough-dark.png') });
      // Its button runs Detect Faces, which asks for a file (none is open).
      await step.locator('.monaco-button', { hasText: 'Detect Faces' }).first().click();
      await pickFileInDialog(page, 'Choose images to detect faces in', 'group4_identification1.jpg');
      await expectFacesDrawn(page, 'Faces: group4_identification1.jpg', 4);
      await page.screenshot({ path: path.join(ctx.shotsDir, 'dark-theme-detect.png') });
    },
  },
  {
    name: 'every attribute of a real recorded Azure response is shown in the panel and the Faces view',
    settings: (ctx) => ({
      'faceInspector.endpoint': ctx.recordedEmulatorUrl,
      'faceInspector.detectionModel': 'detection_01',
      'faceInspector.returnFaceAttributes': ['headPose', 'glasses', 'occlusion', 'accessories', 'blur', 'exposure', 'noise', 'qualityForRecognition'],
    }),
    async run(page, ctx) {
      await openWorkbench(page, ctx.baseUrl, ctx.workspace);
      await runFromPalette(page, 'Face Inspector: Set Azure Face Key');
      await answerInputBox(page, 'Azure Face key for', ctx.emulatorKey);
      await explorerContextMenu(page, 'headturn_detection3.jpg', 'Detect Faces');
      const web = await expectFacesDrawn(page, 'Faces: headturn_detection3.jpg', 1);
      const card = web.locator('aside.faces .card').first();
      const expected: Record<string, RegExp> = {
        headPose: /pitch 14\.8, roll 7\.8, yaw 32/, glasses: /^ReadingGlasses$/, occlusion: /foreheadOccluded true/,
        accessories: /type glasses, confidence 1; type headwear, confidence 1/, blur: /low \(0\)/, exposure: /goodExposure \(0\.34\)/,
        noise: /medium \(0\.43\)/, qualityForRecognition: /^medium$/,
      };
      for (const [name, value] of Object.entries(expected)) {
        assert.match(await card.locator('dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]').innerText(), value, name);
      }
      assert.equal(await web.locator('[data-testid="unsupported"]').count(), 0, 'every requested attribute came back');
      await page.screenshot({ path: path.join(ctx.shotsDir, 'recorded-azure-attributes.png') });
      await page.locator('.activitybar [aria-label^="Face Inspector"]').first().click();
      await page.locator('.monaco-list-row', { hasText: 'faceAttributes' }).first().click();
      for (const name of Object.keys(expected)) await page.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 5_000 });
      await page.screenshot({ path: path.join(ctx.shotsDir, 'recorded-azure-tree.png') });
    },
  },
];
