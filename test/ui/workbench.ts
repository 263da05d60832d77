// Helpers that drive the real VS Code workbench (code-server in headless Chromium) the way a
// person does: the explorer, context menus, the command palette, webview content.
import type { FrameLocator, Page } from 'playwright-core';

export async function openWorkbench(page: Page, baseUrl: string, folder: string): Promise<void> {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Right-clicks a file in the explorer and picks a context-menu entry. */
export async function explorerContextMenu(page: Page, fileName: string, entry: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout: 30_000 });
  await pickFromContextMenu(page, () => row.click({ button: 'right' }), entry);
}

/** Picks an entry of the context menu that is open now (retrying the right-click until it lists it). */
export async function pickFromContextMenu(page: Page, openMenu: () => Promise<void>, entry: string): Promise<void> {
  const item = page.locator('.monaco-menu .action-item', { hasText: entry }).first();
  for (let attempt = 1; ; attempt++) {
    await openMenu();
    try { await item.waitFor({ timeout: 2_000 }); break; } catch (e) {
      if (attempt >= 15) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  await item.click();
  const menu = page.locator('.monaco-menu').first();
  try { await menu.waitFor({ state: 'hidden', timeout: 2_000 }); } catch {
    await item.hover();
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 5_000 });
  }
}

/** Opens a file from the explorer in the built-in image preview (a webview) and waits for it. */
export async function openImagePreview(page: Page, fileName: string): Promise<void> {
  // Until extension contributions are registered an image opens in the text editor: wait for ours
  // (the activity-bar entry), which come with the built-in image preview's.
  await page.locator('.activitybar [aria-label^="Face Inspector"]').first().waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().click();
  await page.locator('.tabs-container .tab', { hasText: fileName }).waitFor({ timeout: 30_000 });
  await page.locator('iframe.webview.ready').first().waitFor({ timeout: 30_000 });
}

/** Runs a command from the palette by its title, retrying until the extension has registered it. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(`>${title}`);
    try { await row.waitFor({ timeout: 2_000 }); break; } catch (e) {
      if (attempt >= 20) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  await page.keyboard.press('Enter');
}

/** Waits for the input box titled `title` (a command showed it), types into it and accepts it. */
export async function answerInputBox(page: Page, title: string, text: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** VS Code's own file dialog (in the quick input, as in the browser): pick a file of the folder shown, accept. */
export async function pickFileInDialog(page: Page, title: string, fileName: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).click();
  // Clicking a file fills the path in; Enter accepts it once it is there.
  await page.waitForFunction((name) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith(name), fileName);
  await page.locator('.quick-input-widget input').press('Enter');
}

/** The content frame of the webview in the tab with this title (two iframes deep). */
export async function webviewFrame(page: Page, tabTitle: string): Promise<FrameLocator> {
  await page.locator('.tabs-container .tab', { hasText: tabTitle }).waitFor({ timeout: 30_000 });
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}
