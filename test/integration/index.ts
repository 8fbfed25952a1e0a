// Loaded by the VS Code extension host (extensionTestsPath). Runs every *.test.js beside this file with mocha and
// writes a summary to $OMI_TEST_RESULTS so the outer runner can count passes and failures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Runs after every other suite: it searches what the whole session left behind. */
const LAST = 'keyLeak.test.js';

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.OMI_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = testFiles(__dirname).sort();
  const ordered = [
    ...files.filter((f) => path.basename(f) !== LAST),
    ...files.filter((f) => path.basename(f) === LAST),
  ];
  for (const file of ordered) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultsFile = process.env.OMI_TEST_RESULTS;
      if (resultsFile) {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        fs.writeFileSync(resultsFile, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
      }
      if (failures > 0) reject(new Error(`${failures} integration tests failed.`));
      else resolve();
    });
  });
}
