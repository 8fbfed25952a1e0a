// Preloaded with `node --import` into a process to benchmark: on exit it writes its wall time (from this import on)
// and peak memory to $OMI_BENCH_MEASURE as JSON, so the measured script itself stays untouched.
import * as fs from 'node:fs';

const started = performance.now();
const rssAtStart = process.memoryUsage().rss;

process.on('exit', () => {
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const figures = { ms: performance.now() - started, peakRssBytes: peakRss, peakRssGrowthBytes: peakRss - rssAtStart };
  fs.writeFileSync(process.env.OMI_BENCH_MEASURE, JSON.stringify(figures));
});
