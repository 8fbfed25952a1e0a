// Waiting for the machine to settle before a timed step: what is measured is the step, not a window still starting up
// beside it (on two cores, the workbench loading in Chromium took a third of the first export's time).
import * as fs from 'node:fs';

/** Idle and total processor time of the whole machine so far, in clock ticks; undefined off Linux. */
function processorTimes(): { idle: number; total: number } | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: waiting for the disk leaves the processor free.
    return { idle: (ticks[3] ?? 0) + (ticks[4] ?? 0), total: ticks.reduce((sum, t) => sum + t, 0) };
  } catch {
    return undefined;
  }
}

/**
 * Resolves once the machine's processors were at least `idleShare` idle over `windowMs`, or after `timeoutMs` in any
 * case (a busy machine slows the step down, it does not stop it); at once where /proc/stat cannot be read.
 */
export async function untilQuiet({ idleShare = 0.8, windowMs = 500, timeoutMs = 30_000 } = {}): Promise<void> {
  let before = processorTimes();
  const started = Date.now();
  while (before && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = processorTimes();
    if (!after) return;
    if ((after.idle - before.idle) / Math.max(1, after.total - before.total) >= idleShare) return;
    before = after;
  }
}
