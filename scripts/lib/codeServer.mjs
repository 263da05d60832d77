// Starts a real VS Code (code-server, the VS Code workbench served to a browser) for the sandbox
// and the tests. ensure-tools.sh installs it and Node 24 into a cache outside the checkout.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs scripts/ensure-tools.sh (idempotent) and returns the code-server binary and Node 24's bin folder. */
export function ensureTools() {
  const out = execFileSync('bash', [path.join(repoRoot, 'scripts', 'ensure-tools.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const value = (name) => out.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1];
  return { codeServer: value('CODE_SERVER'), nodeBin: value('NODE24_BIN') };
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Starts code-server on 127.0.0.1 with its own profile under `runDir`.
 * options: { runDir, port?, settings?, vsix?, smokeTestDriver?, workspaceTrust?, env?, log? }
 * workspaceTrust: keep VS Code's workspace trust on (Restricted Mode tests); off by default.
 * Returns { url, stop(), extensionsDir, userDataDir }.
 */
export async function startCodeServer(options) {
  const { codeServer, nodeBin } = ensureTools();
  const runDir = options.runDir;
  rmSync(runDir, { recursive: true, force: true });
  const xdg = path.join(runDir, 'xdg'), userDataDir = path.join(runDir, 'user-data'), extensionsDir = path.join(runDir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const trust = options.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' } : {};
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...trust, ...options.settings }, null, 2));
  writeFileSync(path.join(runDir, 'config.yaml'), 'auth: none\n');
  const env = {
    ...process.env, ...options.env,
    PATH: `${nodeBin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg,
  };
  const common = ['--config', path.join(runDir, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  if (options.vsix) {
    execFileSync(codeServer, [...common, '--install-extension', options.vsix, '--force'], { env, stdio: options.log ? 'inherit' : 'ignore' });
  }
  const port = options.port ?? await freePort();
  const args = [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--reconnection-grace-time', '5'];
  if (!options.workspaceTrust) args.push('--disable-workspace-trust');
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(codeServer, args, { env, detached: true, stdio: ['ignore', options.log ? 'inherit' : 'ignore', options.log ? 'inherit' : 'ignore'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 150));
  }
  const stop = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } };
  return { url, stop, extensionsDir, userDataDir, child };
}

/** Debian's headless Chromium, started the way this machine allows (no background networking). */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A workspace folder of sample photos for the sandbox and the UI tests. */
export function makeSampleWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(repoRoot, 'samples'), dir, { recursive: true, filter: (src) => !src.endsWith('.md') });
  return dir;
}
