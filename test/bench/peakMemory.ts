// Wall time, peak memory, bytes written and, when asked, a CPU profile of one piece of work in this process (the extension host).
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface Measured {
  ms: number;
  /** The highest resident set size during the work, less the one before it. */
  peakRssGrowthBytes: number;
  /** Bytes this process handed to write calls during the work (files, and the little it sends to VS Code); 0 off Linux. */
  writtenBytes: number;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function vmHwmBytes(): number | undefined {
  try {
    const kib = fs.readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

/** Bytes this process has handed to write calls since it started (Linux), or 0. */
export function bytesWrittenSoFar(): number {
  try {
    return Number(fs.readFileSync('/proc/self/io', 'utf8').match(/^wchar:\s+(\d+)/m)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function resetVmHwm(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Collects garbage first so the work starts from a settled heap. On Linux the kernel's high-water mark (VmHWM, reset
 * through /proc/self/clear_refs) sees every peak at no cost to the work; elsewhere, samples every 10 ms.
 */
export async function measure(work: () => Promise<unknown>): Promise<Measured> {
  gc();
  const before = process.memoryUsage.rss();
  const kernelPeak = resetVmHwm();
  let sampled = before;
  const sampler = kernelPeak
    ? undefined
    : setInterval(() => {
        sampled = Math.max(sampled, process.memoryUsage.rss());
      }, 10);
  const writtenBefore = bytesWrittenSoFar();
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  const peak = Math.max(sampled, process.memoryUsage.rss(), (kernelPeak && vmHwmBytes()) || 0);
  return { ms, peakRssGrowthBytes: peak - before, writtenBytes: bytesWrittenSoFar() - writtenBefore };
}

/** Runs `work` under the CPU profiler when $OMI_BENCH_PROFILE names a folder, writing `name`.cpuprofile there. */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.OMI_BENCH_PROFILE;
  if (!folder) return work();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}
