// Preloaded with `node --import` into a process to benchmark: on exit it writes its wall time (from this import on)
// peak memory and bytes written to $OMI_BENCH_MEASURE as JSON, so the measured script itself stays untouched.
import * as fs from 'node:fs';

const started = performance.now();
const rssAtStart = process.memoryUsage().rss;

/** Bytes this process has handed to write calls since it started (Linux), or 0. */
function bytesWrittenSoFar() {
  try {
    return Number(fs.readFileSync('/proc/self/io', 'utf8').match(/^wchar:\s+(\d+)/m)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
const writtenAtStart = bytesWrittenSoFar();

process.on('exit', () => {
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const figures = {
    ms: performance.now() - started,
    peakRssBytes: peakRss,
    peakRssGrowthBytes: peakRss - rssAtStart,
    writtenBytes: bytesWrittenSoFar() - writtenAtStart,
  };
  fs.writeFileSync(process.env.OMI_BENCH_MEASURE, JSON.stringify(figures));
});
