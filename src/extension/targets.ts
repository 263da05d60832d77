// Works out which images a "Detect Faces" invocation means, from wherever it was run:
// the explorer (one or many selected), an editor tab or title bar, the image preview's own
// context menu, or the command palette (the active image, else a file picker).
import * as vscode from 'vscode';
import { checkImageUrl } from '../core/validate';

const IMAGE_EXTENSION = /\.(jpe?g|png|gif|bmp)$/i;
const IMAGE_PREVIEW = 'imagePreview.previewEditor';

export function isImageUri(uri: vscode.Uri): boolean { return IMAGE_EXTENSION.test(uri.path); }

/** An image on the web: sent to the service as a URL for it to download, shown from its origin. */
export function isWebImage(uri: vscode.Uri): boolean { return uri.scheme === 'http' || uri.scheme === 'https'; }

export async function resolveTargets(first?: unknown, all?: unknown): Promise<vscode.Uri[]> {
  // Explorer multi-select passes (clicked, selection).
  if (Array.isArray(all) && all.every((u) => u instanceof vscode.Uri) && all.length > 0) return (all as vscode.Uri[]).filter(isImageUri);
  if (first instanceof vscode.Uri) return [first];
  // The preview's webview/context menu passes a context object, not a Uri: use the active tab.
  const fromTab = activeImage();
  if (fromTab) return [fromTab];
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: vscode.l10n.t('Detect Faces'),
    title: vscode.l10n.t('Choose images to detect faces in'),
    filters: { [vscode.l10n.t('Images')]: ['jpg', 'jpeg', 'png', 'gif', 'bmp'] },
  });
  return picked ?? [];
}

/** The image shown in the active tab: the built-in image preview, or an image opened as text. */
export function activeImage(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom && (input.viewType === IMAGE_PREVIEW || isImageUri(input.uri))) return input.uri;
  if (input instanceof vscode.TabInputText && isImageUri(input.uri)) return input.uri;
  return undefined;
}

/** "Detect Faces in Image URL": the URL passed as an argument, or one the user types. */
export async function resolveImageUrl(argument?: unknown): Promise<vscode.Uri | undefined> {
  const typed = typeof argument === 'string' ? argument : await vscode.window.showInputBox({
    title: vscode.l10n.t('Detect faces in an image on the web'),
    prompt: vscode.l10n.t('Azure AI Face downloads the image itself, so the URL must be reachable from Azure. The local detector reads files only.'),
    placeHolder: 'https://example.com/photo.jpg',
    ignoreFocusOut: true,
    validateInput: (v) => checkImageUrl(v.trim())[0]?.message,
  });
  return typed?.trim() ? vscode.Uri.parse(typed.trim(), true) : undefined;
}
