// Where the test tooling lives. Everything code-server and Chromium write stays inside .tools/ (ignored by git).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TOOLS = path.join(ROOT, '.tools');
export const CODE_SERVER_VERSION = '4.100.3'; // last code-server on Node 20; it is VS Code 1.100.3
export const CODE_SERVER_DIR = path.join(TOOLS, 'code-server');
export const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const HOME = path.join(TOOLS, 'home');
export const TMP = path.join(TOOLS, 'tmp');
export const RUNS = path.join(TOOLS, 'runs');
export const RESULTS = path.join(ROOT, 'test-results');

/** Environment for every tool process: HOME, XDG and TMPDIR inside .tools so nothing lands in the user's home. */
export function toolEnv(home = HOME) {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: TMP,
  };
}
