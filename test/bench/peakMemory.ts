// Wall time and peak memory of one piece of work in this process (the extension host).
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface Measured {
  ms: number;
  /** The highest resident set size during the work, less the one before it. */
  peakRssGrowthBytes: number;
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
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  const peak = Math.max(sampled, process.memoryUsage.rss(), (kernelPeak && vmHwmBytes()) || 0);
  return { ms, peakRssGrowthBytes: peak - before };
}
