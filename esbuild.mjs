// Bundles the extension, the transcript and insights panels' browser code, and the sandbox CLI used by `npm start` and
// `npm run sandbox`.
// usage: node esbuild.mjs [--production] [--watch] [--only=extension|transcript|ask|dailySummary|insights|sandbox[,...]]
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

/** @type {import('esbuild').BuildOptions} */
const nodeDefaults = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  // ofetch's Node build falls back to a bundled fetch polyfill (110 KB) for Node versions without fetch; VS Code's
  // Node and ours have it, so the polyfill's place takes globalThis.fetch.
  alias: { 'node-fetch-native': 'node-fetch-native/native' },
};

/** @type {import('esbuild').BuildOptions} */
const webviewDefaults = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
};

const targets = {
  extension: { ...nodeDefaults, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Also writes dist/webview/transcript.css, from the stylesheet main.ts imports.
  transcript: {
    ...webviewDefaults,
    entryPoints: ['webview-ui/transcript/main.ts'],
    outfile: 'dist/webview/transcript.js',
  },
  // The Ask panel: dist/webview/ask.js and ask.css.
  ask: { ...webviewDefaults, entryPoints: ['webview-ui/ask/main.ts'], outfile: 'dist/webview/ask.js' },
  // The Daily Summary panel: dist/webview/dailySummary.js and dailySummary.css.
  dailySummary: {
    ...webviewDefaults,
    entryPoints: ['webview-ui/dailySummary/main.ts'],
    outfile: 'dist/webview/dailySummary.js',
  },
  sandbox: { ...nodeDefaults, entryPoints: ['src/sandbox/cli.ts'], outfile: 'dist/sandbox.js' },
  // The Insights webview: dist/webview/insights.js and insights.css (Chart.js bundled in).
  insights: {
    ...nodeDefaults,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: { insights: 'webview-ui/insights/main.ts' },
    outdir: 'dist/webview',
  },
};
const chosen = only ?? Object.keys(targets);
const unknown = chosen.filter((name) => !targets[name]);
if (unknown.length > 0) throw new Error(`Unknown build target ${unknown}; known: ${Object.keys(targets).join(', ')}`);
const builds = chosen.map((name) => targets[name]);

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
