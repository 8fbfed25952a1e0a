// Bundles the extension, and the sandbox CLI used by `npm start` and `npm run sandbox`.
// usage: node esbuild.mjs [--production] [--watch] [--only=extension|sandbox]
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

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
};

const targets = {
  extension: { ...nodeDefaults, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  sandbox: { ...nodeDefaults, entryPoints: ['src/sandbox/cli.ts'], outfile: 'dist/sandbox.js' },
};
if (only && !targets[only]) throw new Error(`Unknown build target ${only}; known: ${Object.keys(targets).join(', ')}`);
const builds = only ? [targets[only]] : Object.values(targets);

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
