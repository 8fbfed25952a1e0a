// Starts code-server (a real VS Code 1.100.3 server) on 127.0.0.1 with a fresh user-data dir, and stops it by pid.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_BIN, RUNS, toolEnv } from './paths.mjs';

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
  'extensions.ignoreRecommendations': true,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', () => resolve(false))
      .on('timeout', function () {
        this.destroy();
        resolve(false);
      });
  });
}

export async function waitUntil(check, timeoutMs, what) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A fresh run folder under .tools/runs with its own HOME, user-data and extensions dirs. */
export function makeRunDir(prefix) {
  fs.mkdirSync(RUNS, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(RUNS, `${prefix}-`));
  for (const sub of ['home', 'udd/User', 'exts']) fs.mkdirSync(path.join(runDir, sub), { recursive: true });
  return runDir;
}

/** Installs a VSIX into the run's extensions dir with code-server's own CLI (as a user would). */
export function installVsix(runDir, vsixPath) {
  const result = spawnSync(
    CODE_SERVER_BIN,
    [
      '--extensions-dir',
      path.join(runDir, 'exts'),
      '--user-data-dir',
      path.join(runDir, 'udd'),
      '--install-extension',
      vsixPath,
    ],
    { env: toolEnv(path.join(runDir, 'home')), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsixPath} failed: ${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * @param {{ runDir: string, folder: string, port?: number, settings?: object, env?: object, timeoutMs?: number }} options
 */
export async function startCodeServer({ runDir, folder, port, settings = {}, env = {}, timeoutMs = 60_000 }) {
  const chosenPort = port || (await freePort());
  const settingsFile = path.join(runDir, 'udd/User/settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${chosenPort}\nauth: none\ncert: false\n`);
  const logFile = path.join(runDir, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    CODE_SERVER_BIN,
    [
      '--config',
      configFile,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${chosenPort}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--extensions-dir',
      path.join(runDir, 'exts'),
      '--user-data-dir',
      path.join(runDir, 'udd'),
      folder,
    ],
    // Its own process group, so stop() ends code-server and every process it started (extension hosts, pty host).
    { env: { ...toolEnv(path.join(runDir, 'home')), ...env }, stdio: ['ignore', out, out], detached: true },
  );
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const started = Date.now();
    while (!exited && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 50));
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  };
  try {
    await waitUntil(async () => exited || (await healthy(chosenPort)), timeoutMs, 'code-server /healthz');
    if (exited) throw new Error(`code-server exited early; see ${logFile}`);
  } catch (error) {
    await stop();
    throw error;
  }
  const origin = `http://127.0.0.1:${chosenPort}`;
  return {
    pid: child.pid,
    port: chosenPort,
    origin,
    url: `${origin}/?folder=${encodeURIComponent(folder)}`,
    logFile,
    userSettingsFile: settingsFile,
    stop,
  };
}
