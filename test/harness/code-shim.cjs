#!/usr/bin/env node
// The "VS Code executable" handed to @vscode/test-electron's runTests({ vscodeExecutablePath }): VS Code itself
// cannot be downloaded here, so this translates its command line into runExtensionTests.mjs (code-server + Chromium).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const args = process.argv.slice(2);
const valuesOf = (flag) => args.filter((a) => a.startsWith(`${flag}=`)).map((a) => a.slice(flag.length + 1));
const extensions = valuesOf('--extensionDevelopmentPath');
const tests = valuesOf('--extensionTestsPath')[0];
const folder = args.find((a) => !a.startsWith('-'));
if (extensions.length === 0 || !tests) {
  console.error('code-shim: needs --extensionDevelopmentPath= and --extensionTestsPath=');
  process.exit(2);
}
const forwarded = [path.join(__dirname, 'runExtensionTests.mjs'), ...extensions.flatMap((e) => ['--ext', e])];
forwarded.push('--tests', tests);
if (folder) forwarded.push('--folder', folder);
const result = spawnSync(process.execPath, forwarded, { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 2);
