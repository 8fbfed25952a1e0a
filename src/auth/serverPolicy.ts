// Which Omi server addresses the key may be sent to (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
import { normalizeBaseUrl } from '../api/baseUrl';

export type ServerCheck = { ok: true; baseUrl: string; origin: string } | { ok: false; problem: string };

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Normalizes `omi.apiBaseUrl` and refuses plain http to anything but this machine: the key would cross the network
 * in clear text.
 */
export function checkServerAddress(input: string): ServerCheck {
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(input);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  const url = new URL(baseUrl);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      problem: l10n.t(
        'omi.apiBaseUrl uses plain http:// to another machine, which would send your key unencrypted. Use https://, or http:// only for 127.0.0.1 or localhost.',
      ),
    };
  }
  return { ok: true, baseUrl, origin: url.origin };
}
