// The rows of docs/benchmarks.md: which figure, in which unit, and what it means.
export const BENCHMARKS = [
  ['bundleBytes', 'KiB', 'Size of dist/extension.js (production bundle)', (v) => v / 1024],
  ['activationMs', 'ms', 'activate() from start to return, in the real extension host', (v) => v],
  ['firstMemoryRowMs', 'ms', 'From an empty Memories view to its first rows (one request, 50 memories)', (v) => v],
  [
    'browsingRequests',
    'requests',
    'Requests made by a browsing session (expand, collapse, load more ×3, refresh, reopen a transcript ×3)',
    (v) => v,
  ],
  ['browsingPagesNeeded', 'requests', 'Distinct pages that session needs (the minimum)', (v) => v],
  ['appendPageAt1000Ms', 'ms', 'Append a page of 50 at 1,000 loaded memories, then render every row', (v) => v],
  ['appendPageAt5000Ms', 'ms', 'Append a page of 50 at 5,000 loaded memories, then render every row', (v) => v],
  ['appendPageAt10000Ms', 'ms', 'Append a page of 50 at 10,000 loaded memories, then render every row', (v) => v],
];

function format(value) {
  if (value === undefined) return 'n/a';
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(1);
}

/** What the numbers showed and what changed, measured with `npm run bench` before and after each change. */
export const IMPROVEMENTS = [
  '| Change | Figure | Before | After |',
  '| --- | --- | ---: | ---: |',
  '| Tree rows cached per item, tooltips built on hover (resolveTreeItem), date formatters reused | Append a page at 10,000 memories | 2,850 ms | 30 ms |',
  '| (same change) | Append a page at 5,000 memories | 1,372 ms | 19 ms |',
  '| (same change) | Append a page at 1,000 memories | 127 ms | 11 ms |',
];

export function benchmarkTable(machine, medians) {
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${machine.date.slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB,`,
    `Node ${machine.node}, VS Code ${machine.vscode}, against the sandbox on 127.0.0.1. Each figure is the median of`,
    `${machine.runs} runs; every run is in benchmarks.json.`,
    '',
    '| Figure | Median | Unit |',
    '| --- | ---: | --- |',
  ];
  for (const [key, unit, description, scale] of BENCHMARKS) {
    const value = medians[key];
    lines.push(`| ${description} | ${format(value === undefined ? undefined : scale(value))} | ${unit} |`);
  }
  lines.push('', '## Improvements', '', ...IMPROVEMENTS);
  return `${lines.join('\n')}\n`;
}
