import * as l10n from '@vscode/l10n';
import { invalidRequestError } from './errors';

const API_PATH = '/v1/dev';

/**
 * `https://api.omi.me` -> `https://api.omi.me/v1/dev`; `http://127.0.0.1:8787/` -> `http://127.0.0.1:8787/v1/dev`;
 * `https://x/v1/dev/` -> `https://x/v1/dev`. Throws an `invalidRequest` OmiApiError for anything that is not a plain
 * http(s) address. The message never repeats the input: a key pasted into the wrong box must not end up in a log.
 */
export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalidRequestError(
      l10n.t('The Omi server address is not a valid URL; use one like https://api.omi.me/v1/dev.'),
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidRequestError(l10n.t('The Omi server address must start with https:// or http://.'));
  }
  if (url.username || url.password || url.search || url.hash) {
    throw invalidRequestError(
      l10n.t('The Omi server address must not contain a user name, password, query or fragment.'),
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  return url.origin + (path.endsWith(API_PATH) ? path : path + API_PATH);
}
