import { parseArgs } from 'node:util';
import { FAIL_MODES, type FailMode, type Faults, type Flavor, type SandboxOptions } from './options';

export const USAGE = `Usage: omi-sandbox [options]

  --port N                 port on 127.0.0.1 (default 8787; 0 = any free port)
  --seed N                 data seed (default 42)
  --memories N             number of memories (default 300)
  --conversations N        number of conversations (default 120)
  --action-items N         number of action items (default 200)
  --segments MIN-MAX       transcript segments per conversation (default 20-160)
  --now ISO                reference time for the data (default: now, truncated to the hour)
  --flavor real|documented behave like the real server (default) or like its documentation
  --hostile                mix in hostile data (markup, traversal, reserved names, 1 MB strings, nulls...)
  --exact-pages            never drop rows from pages (by default some pages come back short, like the real server)
  --latency MS             delay every response
  --rate-limit SPEC        real (the flavor's own limits), off, or LIMIT/WINDOWSECONDS for every bucket
  --fail-every N:MODE      every Nth data request fails; MODE is 500, 503, drop, malformed, wrongShape or hang
  --no-memory-write-grant  the account has not granted memory writes: they answer 403 whatever the key's scopes
  --quiet                  no per-request log
  --help                   show this help`;

export interface CliConfig {
  options: SandboxOptions;
  quiet: boolean;
  help: boolean;
}

function integer(name: string, text: string | undefined, min = 0): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new Error(`--${name} expects an integer >= ${min}, got "${text}"`);
  }
  return Number(text);
}

function rateLimit(text: string): Faults['rateLimit'] {
  if (text === 'real' || text === 'flavor') {
    return 'flavor';
  }
  if (text === 'off') {
    return null;
  }
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[2]) <= 0) {
    throw new Error(`--rate-limit expects real, off or LIMIT/WINDOWSECONDS (e.g. 5/60), got "${text}"`);
  }
  return { limit: Number(match[1]), windowMs: Math.round(Number(match[2]) * 1000) };
}

function failEvery(text: string): Faults['failEvery'] {
  const [n, mode] = text.split(':');
  if (!n || !/^\d+$/.test(n) || Number(n) < 1 || !FAIL_MODES.includes(mode as FailMode)) {
    throw new Error(`--fail-every expects N:MODE with MODE one of ${FAIL_MODES.join(', ')}, got "${text}"`);
  }
  return { n: Number(n), mode: mode as FailMode };
}

function segments(text: string): { min: number; max: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  const min = Number(match?.[1]);
  const max = Number(match?.[2] ?? match?.[1]);
  if (!match || min < 1 || max < min) {
    throw new Error(`--segments expects MIN-MAX with 1 <= MIN <= MAX, got "${text}"`);
  }
  return { min, max };
}

function flavor(text: string | undefined): Flavor | undefined {
  if (text === undefined || text === 'real' || text === 'documented') {
    return text;
  }
  throw new Error(`--flavor expects real or documented, got "${text}"`);
}

/** Reads the command line. Throws an Error with a readable message on bad input. */
export function parseCliArgs(argv: readonly string[]): CliConfig {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      memories: { type: 'string' },
      conversations: { type: 'string' },
      'action-items': { type: 'string' },
      segments: { type: 'string' },
      now: { type: 'string' },
      flavor: { type: 'string' },
      hostile: { type: 'boolean' },
      'exact-pages': { type: 'boolean' },
      latency: { type: 'string' },
      'rate-limit': { type: 'string' },
      'fail-every': { type: 'string' },
      'no-memory-write-grant': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });

  const faults: Partial<Faults> = {};
  const latency = integer('latency', values.latency);
  if (latency !== undefined) {
    faults.latencyMs = latency;
  }
  if (values['rate-limit'] !== undefined) {
    faults.rateLimit = rateLimit(values['rate-limit']);
  }
  if (values['fail-every'] !== undefined) {
    faults.failEvery = failEvery(values['fail-every']);
  }
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime())) {
      throw new Error(`--now expects an ISO-8601 date, got "${values.now}"`);
    }
  }
  if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) {
    throw new Error(`--seed expects an integer, got "${values.seed}"`);
  }

  const options: SandboxOptions = {
    port: integer('port', values.port) ?? 8787,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    memories: integer('memories', values.memories),
    conversations: integer('conversations', values.conversations),
    actionItems: integer('action-items', values['action-items']),
    flavor: flavor(values.flavor),
    hostile: values.hostile ?? false,
    shortPages: !values['exact-pages'],
    transcriptSegments: values.segments === undefined ? undefined : segments(values.segments),
    now,
    faults,
    ...(values['no-memory-write-grant'] ? { memoryWriteGrant: false } : {}),
  };
  return { options, quiet: values.quiet ?? false, help: values.help ?? false };
}
