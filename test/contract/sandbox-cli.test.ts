import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { parseCliArgs } from '../../src/sandbox/cli-args';

describe('sandbox command line', () => {
  it('reads every option', () => {
    const { options, quiet } = parseCliArgs([
      '--port',
      '9000',
      '--seed',
      '7',
      '--memories',
      '10',
      '--conversations',
      '3',
      '--action-items',
      '4',
      '--flavor',
      'documented',
      '--hostile',
      '--latency',
      '50',
      '--rate-limit',
      '5/60',
      '--fail-every',
      '3:drop',
      '--segments',
      '10-20',
      '--quiet',
    ]);
    assert.equal(quiet, true);
    assert.deepEqual(
      { ...options, now: undefined },
      {
        port: 9000,
        seed: 7,
        memories: 10,
        conversations: 3,
        actionItems: 4,
        flavor: 'documented',
        hostile: true,
        shortPages: true,
        transcriptSegments: { min: 10, max: 20 },
        now: undefined,
        faults: { latencyMs: 50, rateLimit: { limit: 5, windowMs: 60_000 }, failEvery: { n: 3, mode: 'drop' } },
      },
    );
  });

  it('defaults to port 8787 and maps --rate-limit real to the flavor limits', () => {
    const { options } = parseCliArgs(['--rate-limit', 'real']);
    assert.equal(options.port, 8787);
    assert.equal(options.faults?.rateLimit, 'flavor');
  });

  it('explains bad values', () => {
    assert.throws(() => parseCliArgs(['--fail-every', '3:explode']), /--fail-every expects N:MODE/);
    assert.throws(() => parseCliArgs(['--rate-limit', 'lots']), /--rate-limit expects/);
    assert.throws(() => parseCliArgs(['--segments', '9-2']), /--segments expects/);
    assert.throws(() => parseCliArgs(['--flavor', 'fake']), /--flavor expects/);
    assert.throws(() => parseCliArgs(['--bogus']));
  });

  it('starts, prints the URL, key and a curl line, logs requests, and stops on Ctrl+C', async function () {
    this.timeout(10_000);
    const cli = path.join(__dirname, '..', '..', 'src', 'sandbox', 'cli.js');
    const child = spawn(process.execPath, [cli, '--port', '0', '--memories', '5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      while (!output.includes('Ctrl+C')) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const url = /Base URL\s+(\S+)/.exec(output)?.[1];
      const key = /API key\s+(omi_dev_[0-9a-f]{32})/.exec(output)?.[1];
      assert.ok(url && key, output);
      assert.match(
        output,
        /curl -H "Authorization: Bearer omi_dev_[0-9a-f]{32}" "http:\/\/127\.0\.0\.1:\d+\/v1\/dev\//,
      );
      const res = await fetch(`${url}/user/memories?limit=2`, { headers: { Authorization: `Bearer ${key}` } });
      assert.equal((await res.json()).length, 2);
      while (!/GET \/v1\/dev\/user\/memories\?limit=2 200 \d+ms/.test(output)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGINT');
      assert.equal(await exited, 0);
    } finally {
      child.kill();
    }
  });
});
