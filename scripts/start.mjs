#!/usr/bin/env node
// `npm start`: builds and packages the extension, starts the Omi sandbox server with sample data, and opens the
// extension in a real VS Code (code-server) already connected to it. Prints the address to open; Ctrl+C stops all.
//   npm start                      sandbox data, no account needed
//   npm start -- --real            your own data from api.omi.me (set a key in VS Code, or export OMI_API_KEY first)
//   npm start -- --port 8080       the port for VS Code (default: 8080, or a free one)
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, installVsix, makeRunDir, startCodeServer } from '../test/harness/codeServer.mjs';
import { install } from '../test/harness/install.mjs';
import { ROOT } from '../test/harness/paths.mjs';

const { values } = parseArgs({
  options: {
    real: { type: 'boolean', default: false },
    port: { type: 'string' },
    'sandbox-port': { type: 'string' },
  },
});

const say = (message) => console.log(`[start] ${message}`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** The preferred port when nothing listens there, else a free one. */
function portOr(preferred) {
  const wanted = Number(preferred);
  if (!wanted) return freePort();
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(freePort()));
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolve(wanted)));
  });
}

/** Starts the sandbox CLI and reads its base URL and built-in keys (full access, read-only) from what it prints. */
function startSandbox(port) {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/sandbox.js'), '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the sandbox did not start within 30 s')), 30_000);
    child.on('exit', (code) => reject(new Error(`the sandbox exited with code ${code}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/v1\/dev)/.exec(output)?.[1];
      const key = /API key\s+(omi_dev_[0-9a-f]{32})/.exec(output)?.[1];
      const readOnlyKey = /Read-only key\s+(omi_dev_[0-9a-f]{32})/.exec(output)?.[1];
      if (url && key && readOnlyKey) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ child, url, key, readOnlyKey });
      }
    });
  });
}

async function main() {
  install();
  say('building and packaging the extension…');
  run('node', ['esbuild.mjs', '--only=sandbox']);
  run('npm', ['run', '--silent', 'package']);
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `omi-vscode-${version}.vsix`);

  let sandbox;
  const settings = {};
  const env = {};
  if (values.real) {
    say('using api.omi.me: set your key with "Omi: Set API Key", or export OMI_API_KEY before npm start.');
  } else {
    sandbox = await startSandbox(await portOr(values['sandbox-port'] ?? 8787));
    settings['omi.apiBaseUrl'] = sandbox.url;
    env.OMI_API_KEY = sandbox.key; // handed over without typing; a key set in VS Code would take precedence
    say(`sandbox server: ${sandbox.url}`);
  }

  const runDir = makeRunDir('start');
  const workspace = path.join(runDir, 'notes');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'notes.md'), '# Notes\n\nOpen the Omi view in the activity bar.\n');
  installVsix(runDir, vsix);
  const port = await portOr(values.port ?? 8080);
  const server = await startCodeServer({ runDir, folder: workspace, port, settings, env });

  const stop = async () => {
    await server.stop();
    sandbox?.child.kill();
    fs.rmSync(runDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log('');
  console.log(`  Omi for VS Code is running. Open ${server.url}`);
  console.log(
    `  ${sandbox ? 'Connected to the sandbox server (sample data).' : 'Talking to api.omi.me.'} Press Ctrl+C to stop.`,
  );
  if (sandbox) {
    console.log(`  Full-access key  ${sandbox.key}  (in use: reads and writes memories, action items, conversations)`);
    console.log(`  Read-only key    ${sandbox.readOnlyKey}  (set it with "Omi: Set API Key" to see writes refused)`);
  }
  console.log('');
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
