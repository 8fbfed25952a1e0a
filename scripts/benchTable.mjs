// The rows of docs/benchmarks.md: which figure, in which unit, and what it means, in sections.
const ms = (v) => v;
const seconds = (v) => v / 1000;
const mebibytes = (v) => v / 2 ** 20;
const megabytes = (v) => v / 1e6;
const same = (v) => v;

export const BENCHMARKS = [
  {
    section: 'Extension',
    rows: [
      ['bundleBytes', 'KiB', 'Size of dist/extension.js (production bundle)', (v) => v / 1024],
      ['activationMs', 'ms', 'activate() from start to return, in the real extension host', ms],
      ['firstMemoryRowMs', 'ms', 'From an empty Memories view to its first rows (one request, 50 memories)', ms],
      [
        'browsingRequests',
        'requests',
        'Requests made by a browsing session (expand, collapse, load more ×3, refresh, reopen a transcript ×3)',
        same,
      ],
      ['browsingPagesNeeded', 'requests', 'Distinct pages that session needs (the minimum)', same],
      ['appendPageAt1000Ms', 'ms', 'Append a page of 50 at 1,000 loaded memories, then render every row', ms],
      ['appendPageAt5000Ms', 'ms', 'Append a page of 50 at 5,000 loaded memories, then render every row', ms],
      ['appendPageAt10000Ms', 'ms', 'Append a page of 50 at 10,000 loaded memories, then render every row', ms],
    ],
  },
  {
    section: 'Requests of full exports',
    note:
      'Every export as a JSON file from an empty transcript cache, against the minimum: ceil(N / largest page) + 1 ' +
      'final empty page (pages can come back short, so only an empty one ends a list). Memories are not capped. ' +
      'Action items are: the server answers `[]` from offset 2,000 on, so two pages of 1,000 are all one filter can ' +
      'list and the extension says so. Conversation lists return transcripts inline (`include_transcript=true`, 25 a ' +
      'page), so with transcripts the minimum is ceil(N / 25) + 1, every one a read with transcripts. The extension ' +
      'lists without transcripts (100 a page) and then 25 at a time with them, skipping conversations whose ' +
      'transcript is cached: more requests in all, one fewer of the scarce reads with transcripts (25 an hour on ' +
      'the real server).',
    rows: [
      ['exportMemories1250Requests', 'requests', '1,250 memories: requests made', same],
      ['exportMemories1250Minimum', 'requests', '1,250 memories: minimum, ceil(1,250 / 1,000) + 1', same],
      ['exportMemories20000Requests', 'requests', '20,000 memories: requests made', same],
      ['exportMemories20000Minimum', 'requests', '20,000 memories: minimum, ceil(20,000 / 1,000) + 1', same],
      ['exportActionItems300Requests', 'requests', '300 action items: requests made', same],
      ['exportActionItems300Minimum', 'requests', '300 action items: minimum, ceil(300 / 1,000) + 1', same],
      ['exportActionItems2100Requests', 'requests', '2,100 action items: requests made', same],
      ['exportActionItems2100Minimum', 'requests', '2,100 action items: minimum, 2 pages up to offset 2,000', same],
      ['exportActionItems2100Items', 'items', '2,100 action items: items exported (the server lists 2,000)', same],
      ['exportConversations140Requests', 'requests', '140 conversations without transcripts: requests made', same],
      [
        'exportConversations140Minimum',
        'requests',
        '140 conversations without transcripts: minimum, ceil(140 / 100) + 1',
        same,
      ],
      [
        'exportConversations140TranscriptsRequests',
        'requests',
        '140 conversations with transcripts: requests made',
        same,
      ],
      [
        'exportConversations140TranscriptsTranscriptReads',
        'requests',
        '140 conversations with transcripts: of those, reads with transcripts',
        same,
      ],
      [
        'exportConversations140TranscriptsMinimum',
        'requests',
        '140 conversations with transcripts: minimum, ceil(140 / 25) + 1, all with transcripts',
        same,
      ],
    ],
  },
  {
    section: 'Export time and memory, against the simplest script',
    note:
      'The sandbox runs in processes of its own, answering at once or after 100 ms (250 and 1,000 conversations: at ' +
      'once; the extension’s memory must not grow with the size). The naive script ' +
      '(scripts/bench/naiveExport.mjs) is what a user would write from the Omi documentation: a fetch loop with the ' +
      'documented default page of 25 (conversations with `include_transcript=true`), everything kept in memory, ' +
      'one `JSON.stringify` into the same file. 500 conversations of 1,000 segments are about 100 MB of JSON (150 MB ' +
      'as written, indented). Memory: peak resident set size during the export less the one before it; for the ' +
      'extension host, on top of VS Code. Bytes written: what the process handed to write calls during the export ' +
      '(/proc/self/io, wchar): the file, and for the extension also its checkpoint, transcript cache and messages to ' +
      'VS Code. Ratios below 1 favour the extension.',
    rows: [
      ['exportMemories20000At0Ms', 's', '20,000 memories, no latency: extension', seconds],
      ['naiveExportMemories20000At0Ms', 's', '20,000 memories, no latency: naive script', seconds],
      ['exportRatioMemories20000At0Ms', '×', '20,000 memories, no latency: extension ÷ naive', same],
      ['exportMemories20000At100Ms', 's', '20,000 memories, 100 ms latency: extension', seconds],
      ['naiveExportMemories20000At100Ms', 's', '20,000 memories, 100 ms latency: naive script', seconds],
      ['exportRatioMemories20000At100Ms', '×', '20,000 memories, 100 ms latency: extension ÷ naive', same],
      ['exportConversations500At0Ms', 's', '500 conversations with transcripts, no latency: extension', seconds],
      [
        'naiveExportConversations500At0Ms',
        's',
        '500 conversations with transcripts, no latency: naive script',
        seconds,
      ],
      [
        'exportRatioConversations500At0Ms',
        '×',
        '500 conversations with transcripts, no latency: extension ÷ naive',
        same,
      ],
      ['exportConversations500At100Ms', 's', '500 conversations with transcripts, 100 ms latency: extension', seconds],
      [
        'naiveExportConversations500At100Ms',
        's',
        '500 conversations with transcripts, 100 ms latency: naive script',
        seconds,
      ],
      [
        'exportRatioConversations500At100Ms',
        '×',
        '500 conversations with transcripts, 100 ms latency: extension ÷ naive',
        same,
      ],
      ...[250, 1000].flatMap((n) => {
        const what = `${n.toLocaleString('en-US')} conversations with transcripts, no latency`;
        return [
          [`exportConversations${n}At0Ms`, 's', `${what}: extension`, seconds],
          [`naiveExportConversations${n}At0Ms`, 's', `${what}: naive script`, seconds],
          [`exportRatioConversations${n}At0Ms`, '×', `${what}: extension ÷ naive`, same],
        ];
      }),
      ['exportMemories20000PeakRssBytes', 'MiB', 'Peak memory, 20,000 memories: extension host', mebibytes],
      ['naiveExportMemories20000PeakRssBytes', 'MiB', 'Peak memory, 20,000 memories: naive script', mebibytes],
      ['exportConversations500PeakRssBytes', 'MiB', 'Peak memory, 500 conversations: extension host', mebibytes],
      ['naiveExportConversations500PeakRssBytes', 'MiB', 'Peak memory, 500 conversations: naive script', mebibytes],
      ['exportRatioConversations500PeakRssBytes', '×', 'Peak memory, 500 conversations: extension ÷ naive', same],
      ['exportConversations500WrittenBytes', 'MB', 'Bytes written, 500 conversations: extension host', megabytes],
      ['naiveExportConversations500WrittenBytes', 'MB', 'Bytes written, 500 conversations: naive script', megabytes],
      ['exportRatioConversations500WrittenBytes', '×', 'Bytes written, 500 conversations: extension ÷ naive', same],
      ...[250, 1000].flatMap((n) => {
        const what = `Peak memory, ${n.toLocaleString('en-US')} conversations`;
        return [
          [`exportConversations${n}PeakRssBytes`, 'MiB', `${what}: extension host`, mebibytes],
          [`naiveExportConversations${n}PeakRssBytes`, 'MiB', `${what}: naive script`, mebibytes],
          [`exportRatioConversations${n}PeakRssBytes`, '×', `${what}: extension ÷ naive`, same],
        ];
      }),
    ],
  },
  {
    section: 'Transcript panel',
    note:
      'In code-server and headless Chromium (software rendering) with the packaged VSIX: from accepting the ' +
      'conversation in "Omi: Open Conversation…" to the first frame with turns in the page (requestAnimationFrame ' +
      'after they are added) and to the last turn added; then 3 s of mouse-wheel scrolling, counting frames with ' +
      'requestAnimationFrame inside the panel. Each size opens as the first panel of a window of its own: VS Code ' +
      '1.100.3 installs a new webview service worker for every further panel of a window and holds its page back ' +
      'about a second (microsoft/vscode#245756), which the last row measures apart.',
    rows: [
      ['transcript500FirstTurnMs', 'ms', '500 segments: to the first turns on screen', ms],
      ['transcript500AllTurnsMs', 'ms', '500 segments: to the last turn in the page', ms],
      [
        'transcript500RenderMs',
        'ms',
        '500 segments: of that, in the panel from the data arriving to the last turn',
        ms,
      ],
      ['transcript500ScrollFps', 'fps', '500 segments: frames per second while scrolling', same],
      ['transcript5000FirstTurnMs', 'ms', '5,000 segments: to the first turns on screen', ms],
      ['transcript5000AllTurnsMs', 'ms', '5,000 segments: to the last turn in the page', ms],
      [
        'transcript5000RenderMs',
        'ms',
        '5,000 segments: of that, in the panel from the data arriving to the last turn',
        ms,
      ],
      ['transcript5000ScrollFps', 'fps', '5,000 segments: frames per second while scrolling', same],
      ['transcript5000ScrollLongFrames', 'frames', '5,000 segments: frames over 50 ms while scrolling', same],
      ['transcript5000ScrollLongestFrameMs', 'ms', '5,000 segments: longest frame while scrolling', ms],
      [
        'transcriptSecondPanelFirstTurnMs',
        'ms',
        '500 segments opened as the second panel of a window: to the first turns on screen',
        ms,
      ],
    ],
  },
];

function format(value) {
  if (value === undefined) return 'n/a';
  if (Number.isInteger(value) || value >= 100) return Math.round(value).toLocaleString('en-US');
  return value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

/** What the numbers showed and what changed, measured with `npm run bench` before and after each change. */
export const IMPROVEMENTS = [
  'Before and after: medians of three runs of the steps concerned (for the first release, old and new builds taking ' +
    'turns). For the changes of ' +
    'issue 20, before is the `npm run bench` of 2026-11-28 (another machine: compare the ratios) and after the first ' +
    'one of 2026-12-02; the rows of "JSON export written once" compare that run with the next full one, and the ' +
    'rows of "Each conversation parsed as it is written" that one (an Intel Xeon) with this one (an AMD EPYC: ' +
    'compare the ratios and the memory). On this machine the no-latency ratio of 500 conversations varied from ' +
    '0.86 to 1.47 between runs of the same build, the first run of three always the slowest. The rows of "The ' +
    'checkpoint carries the export\'s body" compare one run of each build (233dd2d, 9b3de1a) for bytes written, ' +
    'which do not vary between runs, and the full runs before and after for the rest (the two after it: 9b3de1a ' +
    'and 97bc3fe, whose export code differs only by a lock file). The rows of "all the turns in the one message" ' +
    'compare the full runs of 97bc3fe and 47ff5da.',
  '',
  '| Change | Figure | Before | After |',
  '| --- | --- | ---: | ---: |',
  '| activate() registers and returns; the stored key is read after it, commands and panels wait for it | activate() | 111 ms | 7.0 ms |',
  '| Export with transcripts streamed in parts of 25 (nothing kept in the session cache), the next read in flight, each conversation serialized once, the disk cache fed only into free room | 500 conversations, no latency: extension ÷ naive | 2.37 | 1.23 |',
  '| (same changes) | 500 conversations, 100 ms latency: extension ÷ naive | 1.40 | 0.95 |',
  '| (same changes) | Peak memory, 500 conversations: extension host | 614 MiB | 174 MiB |',
  '| (same changes) | Peak memory, 250 / 500 / 1,000 conversations | not measured | 148 / 174 / 135 MiB |',
  '| JSON export written once: the head goes into room kept before the body, where the whole body was copied behind it; each conversation serialized and encoded once, those bytes written by the file, the checkpoint and the transcript cache, then dropped | 500 conversations, no latency: extension ÷ naive | 1.23 | 0.96 |',
  '| (same changes) | 500 conversations, 100 ms latency: extension ÷ naive | 0.95 | 0.69 |',
  '| (same changes) | 1,000 conversations, no latency: extension ÷ naive | 1.3 | 0.91 |',
  '| (same changes) | Peak memory, 250 / 500 / 1,000 conversations | 148 / 174 / 135 MiB | 158 / 188 / 178 MiB |',
  "| Each conversation parsed as it is written: a stretch of 25 waits as its answer's bytes (its elements found without parsing), the writer takes one conversation at a time, two stretches are asked for ahead, the checkpoint's page file stays open | Peak memory, 250 / 500 / 1,000 conversations | 158 / 188 / 178 MiB | 120 / 103 / 36 MiB |",
  '| (same change) | 500 conversations, no latency: extension ÷ naive | 0.96 | 1.22 |',
  '| (same change) | 500 conversations, 100 ms latency: extension ÷ naive | 0.69 | 0.64 |',
  '| (same change) | 1,000 conversations, no latency: extension ÷ naive | 0.91 | 0.94 |',
  "| The checkpoint carries the export's body: a file export on the same disk is written inside its checkpoint and moved into place when complete, rather than every page being written to the checkpoint again | Bytes written, 500 conversations: extension host | 368 MB | 217 MB |",
  '| (same change) | Bytes written, 20,000 memories: extension host | 18.0 MB | 10.2 MB |',
  '| (same change) | 500 conversations, no latency: extension ÷ naive | 1.22 | 1.27; 0.94 in the next full run |',
  '| (same change) | Peak memory, 250 / 500 / 1,000 conversations | 120 / 103 / 36 MiB | 132 / 113 / 16 MiB; 101 / 75 / 19 MiB |',
  '| Transcript panel: all the turns in the one message, the rest added after the first frame in tasks of 45 ms (under the 50 ms of a long task) rather than 12 ms | 5,000 segments: from the data arriving to the last turn | 165 ms; 107 ms in 3 runs of the UI step alone at 6a2f83a | 58.6 ms |',
  '| (same change) | 5,000 segments: to the first turns on screen | 447 ms; 460 ms | 301 ms |',
  '| Transcript panel: first screen in its own message, the rest in 12 ms tasks from templates | 5,000 segments: from the data arriving to the last turn | 302 ms | 82 ms |',
  '| (same change; each size measured as the first panel of its window) | 5,000 segments: to the first turns on screen | 1,645 ms | 367 ms |',
  "| ofetch's fetch polyfill left out of the bundle (VS Code's Node has fetch) | Size of dist/extension.js | 375 KiB | 260 KiB |",
  '| Transcript turns skip layout in groups of 50 rather than one by one (content-visibility) | 5,000 segments: frames per second while scrolling | 41.9 fps | 60.0 fps |',
  '| (same change) | 5,000 segments: frames over 50 ms while scrolling | 2 | 0 |',
  '| (same change) | 5,000 segments: longest frame while scrolling | 67 ms | 17 ms |',
  '| (same change) | 5,000 segments: in the panel from the data arriving to the last turn | 569 ms | 314 ms |',
  '| JSON export pages formatted by one JSON.stringify; no transcript-cache folder scan while under its limit | 500 conversations with transcripts, no latency | 15.2 s | 13.1 s |',
  '| (same changes) | 500 conversations with transcripts, 100 ms latency | 17.7 s | 14.2 s |',
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
  ];
  for (const { section, note, rows } of BENCHMARKS) {
    lines.push('', `## ${section}`, '');
    if (note) lines.push(note, '');
    lines.push('| Figure | Median | Unit |', '| --- | ---: | --- |');
    for (const [key, unit, description, scale] of rows) {
      const value = medians[key];
      lines.push(`| ${description} | ${format(value === undefined ? undefined : scale(value))} | ${unit} |`);
    }
  }
  lines.push('', '## Improvements', '', ...IMPROVEMENTS);
  return `${lines.join('\n')}\n`;
}
