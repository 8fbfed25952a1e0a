import { type Faults, resolveOptions, type SandboxOptions } from './options';
import { API_PREFIX } from './server/api';
import { listen } from './server/http-server';
import { applyFaults, createState } from './server/state';
import type { SandboxData, SandboxRequest } from './types';

export interface Sandbox {
  /** `http://127.0.0.1:PORT/v1/dev` */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  /**
   * The built-in full-access key: `omi_dev_` + 32 lowercase hex derived from the seed. Every read and write scope
   * (memories, action items, conversations, goals).
   */
  readonly key: string;
  /** A second built-in key with only `conversations:read`: memories and action items answer it with 403. */
  readonly restrictedKey: string;
  /** A third built-in key with every read scope and no write scope: writes answer it with 403. */
  readonly readOnlyKey: string;
  /** Every request received on /v1/dev (admin routes excluded), oldest first. */
  readonly requests: SandboxRequest[];
  resetRequests(): void;
  readonly faults: Faults;
  setFaults(faults: Partial<Faults>): void;
  /** Whether the account lets the Developer API write memories (see `SandboxOptions.memoryWriteGrant`). */
  readonly memoryWriteGrant: boolean;
  setMemoryWriteGrant(enabled: boolean): void;
  /** What the server serves, in serving order. */
  readonly data: SandboxData;
  close(): Promise<void>;
}

/** Generates the data and starts the server on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const state = createState(resolved);
  const server = await listen(state, resolved.port);
  const origin = `http://127.0.0.1:${server.port}`;
  const [fullKey, restrictedKey, readOnlyKey] = state.dataset.data.keys;
  let closed: Promise<void> | undefined;

  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    port: server.port,
    key: fullKey!.secret,
    restrictedKey: restrictedKey!.secret,
    readOnlyKey: readOnlyKey!.secret,
    requests: state.requests,
    resetRequests: () => {
      state.requests.length = 0;
    },
    get faults() {
      return state.faults;
    },
    setFaults: (faults) => applyFaults(state, faults),
    get memoryWriteGrant() {
      return state.memoryWriteGrant;
    },
    setMemoryWriteGrant: (enabled) => {
      state.memoryWriteGrant = enabled;
    },
    data: state.dataset.data,
    close: () => {
      closed ??= server.close();
      return closed;
    },
  };
}
