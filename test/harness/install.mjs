#!/usr/bin/env node
// Idempotent installer for the test tools: Debian packages (Chromium, ripgrep, Kerberos headers) and code-server
// 4.100.3 (a real VS Code 1.100.3 server and web workbench) into .tools/. A second run only checks and returns.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM, CODE_SERVER_BIN, CODE_SERVER_DIR, CODE_SERVER_VERSION, TMP, toolEnv } from './paths.mjs';

const APT_PACKAGES = ['libkrb5-dev', 'ripgrep', 'chromium', 'fonts-dejavu-core', 'fonts-noto-color-emoji'];
// @vscode/ripgrep (inside code-server's VS Code) downloads rg from GitHub in its postinstall; we pre-seed its cache
// with Debian's rg instead, under the names that version looks for.
const RIPGREP_CACHE = path.join(TMP, 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const log = (msg) => console.log(`[install] ${msg}`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

function aptPackagesMissing() {
  return APT_PACKAGES.filter((name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status !== 0);
}

function installAptPackages() {
  const missing = aptPackagesMissing();
  if (missing.length === 0 && fs.existsSync(CHROMIUM)) return;
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...APT_PACKAGES], { env });
}

function seedRipgrepCache() {
  const archive = path.join(RIPGREP_CACHE, RIPGREP_ARCHIVE);
  if (fs.existsSync(archive)) return;
  const staging = path.join(TMP, 'rgpack');
  fs.mkdirSync(RIPGREP_CACHE, { recursive: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
  run('tar', ['czf', archive, '-C', staging, 'rg']);
}

function codeServerInstalled() {
  const pkg = path.join(CODE_SERVER_DIR, 'node_modules/code-server/package.json');
  const vscodeModules = path.join(CODE_SERVER_DIR, 'node_modules/code-server/lib/vscode/node_modules');
  if (!fs.existsSync(CODE_SERVER_BIN) || !fs.existsSync(pkg) || !fs.existsSync(vscodeModules)) return false;
  return JSON.parse(fs.readFileSync(pkg, 'utf8')).version === CODE_SERVER_VERSION;
}

function installCodeServer() {
  if (codeServerInstalled()) return;
  log(`installing code-server ${CODE_SERVER_VERSION} (about a minute)`);
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  const manifest = path.join(CODE_SERVER_DIR, 'package.json');
  if (!fs.existsSync(manifest)) {
    fs.writeFileSync(manifest, JSON.stringify({ name: 'omi-vscode-test-tools', private: true }, null, 2));
  }
  const logFile = path.join(CODE_SERVER_DIR, 'install.log');
  const out = fs.openSync(logFile, 'w');
  // code-server's postinstall refuses root without unsafe_perm; node-pty's postinstall runs `npx node-gyp`.
  // HOME stays the user's own here: npm's config there (nodedir, cache) is what lets native modules build offline.
  // TMPDIR points at the seeded ripgrep cache.
  const env = { ...process.env, TMPDIR: TMP, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' };
  const result = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: CODE_SERVER_DIR, env, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  if (result.status !== 0 || !codeServerInstalled()) {
    console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
    throw new Error(`code-server install failed; see ${logFile}`);
  }
}

export function install() {
  fs.mkdirSync(TMP, { recursive: true });
  installAptPackages();
  seedRipgrepCache();
  installCodeServer();
  const versionOutput = execFileSync(CODE_SERVER_BIN, ['--version'], { env: toolEnv(), encoding: 'utf8' });
  const version = versionOutput.split('\n').find((line) => /^\d+\.\d+\.\d+/.test(line)) ?? versionOutput.trim();
  const chromium = execFileSync(CHROMIUM, ['--version'], {
    env: toolEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  log(`ready: code-server ${version}; ${chromium}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    install();
  } catch (error) {
    console.error(`[install] ${error.message}`);
    process.exit(1);
  }
}
