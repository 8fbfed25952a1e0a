// Pure checks on what a user typed or pasted as an API key (no vscode import: unit-tested in plain Node).
import * as l10n from '@vscode/l10n';

const API_KEY_PATTERN = /^omi_dev_[0-9a-f]{32}$/;

/** Trims whitespace and quotes and drops a pasted "Bearer " prefix, so a copied header value works too. */
export function normalizeApiKeyInput(raw: string): string {
  let key = raw.trim().replace(/^["'`]+|["'`]+$/g, '');
  key = key.replace(/^authorization:\s*/i, '').replace(/^bearer\s+/i, '');
  return key.trim();
}

export interface KeyFormatProblem {
  message: string;
  /**
   * False for a key that is unusual but could still be valid on some server (a self-hosted backend may issue other
   * lengths): the user may go on and the server decides.
   */
  blocking: boolean;
}

const MIN_SECRET_LENGTH = 16;

/** What is wrong with the key's shape, or undefined when it looks like an Omi developer key. */
export function apiKeyFormatProblem(key: string): KeyFormatProblem | undefined {
  if (key.length === 0) {
    return { message: l10n.t('Paste your Omi developer API key (it starts with omi_dev_).'), blocking: true };
  }
  if (!key.startsWith('omi_dev_')) {
    return { message: l10n.t('An Omi developer API key starts with “omi_dev_”.'), blocking: true };
  }
  const rest = key.slice('omi_dev_'.length);
  if (!/^[A-Za-z0-9_-]*$/.test(rest)) {
    return { message: l10n.t('The key has spaces or symbols in it: copy it again from the Omi app.'), blocking: true };
  }
  if (rest.length < MIN_SECRET_LENGTH) {
    return {
      message: l10n.t('After “omi_dev_” an Omi API key has 32 characters 0-9 and a-f (this one has {0}).', rest.length),
      blocking: true,
    };
  }
  if (/[A-F]/.test(rest) && API_KEY_PATTERN.test(`omi_dev_${rest.toLowerCase()}`)) {
    return {
      message: l10n.t('Omi API keys use lowercase letters: check that the key was copied exactly.'),
      blocking: true,
    };
  }
  if (!API_KEY_PATTERN.test(key)) {
    return {
      message: l10n.t(
        'Omi keys usually have 32 characters 0-9 and a-f after “omi_dev_” (this one has {0}); the server will decide.',
        rest.length,
      ),
      blocking: false,
    };
  }
  return undefined;
}

/** A short, safe way to name a key in the UI: its prefix and last four characters, never the whole secret. */
export function describeApiKey(key: string): string {
  return key.length > 16 ? `${key.slice(0, 12)}…${key.slice(-4)}` : 'omi_dev_…';
}

/**
 * Whether a key list entry's prefix names this secret. Servers show "omi_dev_abc123" (the documented form) or
 * "omi_dev_abcd...wxyz" (the real one: the first and last characters).
 */
export function keyMatchesPrefix(secret: string, prefix: string | null | undefined): boolean {
  if (!prefix) return false;
  const [head, tail] = prefix.split(/\.{3}|…/);
  if (!head || !secret.startsWith(head)) return false;
  return tail === undefined || secret.endsWith(tail);
}
