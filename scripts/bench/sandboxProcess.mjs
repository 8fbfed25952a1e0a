// The sandbox in a process of its own (dist/sandbox.js), so that serving 100 MB of transcripts costs the measured
// process (the extension host, the naive script) neither time on its event loop nor memory.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../../test/harness/paths.mjs';

// Stopped by a signal, the bench exits (128 + the signal's number) rather than dies, so its sandboxes go with it.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => process.exit(code));
}

/** Starts the sandbox CLI with `args` and resolves once it printed its address and key. */
export function startSandboxProcess(args) {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/sandbox.js'), '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A bench stopped part-way (Ctrl+C, a failure) must not leave sandboxes of 100 MB running.
  const stopChild = () => child.kill();
  process.once('exit', stopChild);
  child.once('exit', () => process.off('exit', stopChild));
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', (code) => reject(new Error(`the sandbox exited with ${code}: ${output}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = output.match(/Base URL\s+(\S+)/)?.[1];
      const key = output.match(/API key\s+(\S+)/)?.[1];
      if (!url || !key) return;
      resolve({
        url,
        key,
        close: () => new Promise((done) => (child.exitCode === null ? child.once('exit', done).kill() : done())),
      });
    });
  });
}

/** Reads every transcript once, so that no measured export pays for the sandbox generating them. */
export async function warmTranscripts({ url, key }) {
  for (let offset = 0; ; offset += 25) {
    const response = await fetch(`${url}/user/conversations?include_transcript=true&limit=25&offset=${offset}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    if ((await response.json()).length === 0) return;
  }
}

const TRANSCRIPTS = ['--segments', '1000-1000', '--exact-pages'];

/** 20,000 memories and 500 conversations of 1,000 segments (about 100 MB), answering after each latency in ms. */
export async function startExportSandboxes(latencies) {
  const data = ['--memories', '20000', '--conversations', '500', ...TRANSCRIPTS];
  const sandboxes = {};
  for (const latency of latencies) {
    sandboxes[latency] = await startSandboxProcess([...data, '--latency', String(latency)]);
    await warmTranscripts(sandboxes[latency]);
  }
  return sandboxes;
}

/**
 * Conversations of 1,000 segments and nothing else, by how many there are, answering at once: an export's memory
 * must not grow with its size.
 */
export async function startScaleSandboxes(counts) {
  const sandboxes = {};
  for (const count of counts) {
    const data = ['--memories', '0', '--action-items', '0', '--conversations', String(count), ...TRANSCRIPTS];
    sandboxes[count] = await startSandboxProcess(data);
    await warmTranscripts(sandboxes[count]);
  }
  return sandboxes;
}
