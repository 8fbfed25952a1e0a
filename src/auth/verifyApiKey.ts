import type { OmiClient } from '../api/client';
import { isOmiApiError } from '../api/errors';

export interface VerifiedKey {
  /** The key's name in the Omi app, when the server tells it. */
  name?: string;
  /** For example "omi_dev_abcd...wxyz", when the server tells it. */
  prefix?: string;
  scopes?: string[];
}

/**
 * Asks the server whether the key works before anything is stored: GET /key returns the key's own record; older
 * servers answer 404 there, so a one-memory list is the fallback check. Throws the client's OmiApiError on failure.
 */
export async function verifyApiKey(client: OmiClient, signal?: AbortSignal): Promise<VerifiedKey> {
  try {
    const info = await client.getKeyInfo({ signal });
    return { name: info.name || undefined, prefix: info.key_prefix || undefined, scopes: info.scopes ?? undefined };
  } catch (error) {
    if (!isOmiApiError(error) || error.kind !== 'notFound') throw error;
  }
  await client.listMemories({ limit: 1, signal });
  return {};
}
