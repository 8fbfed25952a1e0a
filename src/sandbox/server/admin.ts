import type { ServerState } from './context';
import { parseFaults } from './fault-input';
import { jsonOutgoing, type Outgoing } from './outgoing';
import { applyFaults } from './state';

export const ADMIN_PREFIX = '/__sandbox';

/** Routes for tests in other processes and for demos. No auth: the server only listens on 127.0.0.1. */
export function answerAdmin(state: ServerState, method: string, path: string, body: string): Outgoing {
  const route = `${method} ${path.slice(ADMIN_PREFIX.length)}`;
  switch (route) {
    case 'GET /health': {
      const { data } = state.dataset;
      return jsonOutgoing({
        status: 200,
        body: {
          status: 'ok',
          flavor: state.options.flavor,
          seed: state.options.seed,
          hostile: state.options.hostile,
          now: data.now,
          counts: {
            memories: data.memories.length,
            actionItems: data.actionItems.length,
            conversations: data.conversations.length,
          },
          faults: state.faults,
          memoryWriteGrant: state.memoryWriteGrant,
        },
      });
    }
    case 'GET /requests':
      return jsonOutgoing({ status: 200, body: state.requests });
    case 'POST /requests/reset':
      state.requests.length = 0;
      return jsonOutgoing({ status: 200, body: { ok: true } });
    case 'GET /faults':
      return jsonOutgoing({ status: 200, body: state.faults });
    case 'POST /faults':
      try {
        applyFaults(state, parseFaults(JSON.parse(body || 'null')));
        return jsonOutgoing({ status: 200, body: state.faults });
      } catch (error) {
        return jsonOutgoing({ status: 400, body: { detail: error instanceof Error ? error.message : String(error) } });
      }
    case 'POST /memory-write-grant':
      return setMemoryWriteGrant(state, body);
    default:
      return jsonOutgoing({ status: 404, body: { detail: 'Not Found' } });
  }
}

/** `{"enabled": false}` turns the account's memory write grant off (memory writes answer 403), `true` back on. */
function setMemoryWriteGrant(state: ServerState, body: string): Outgoing {
  let input: unknown;
  try {
    input = JSON.parse(body || 'null');
  } catch {
    input = null;
  }
  const enabled = (input as { enabled?: unknown } | null)?.enabled;
  if (typeof enabled !== 'boolean') {
    return jsonOutgoing({ status: 400, body: { detail: 'Expected a JSON object like {"enabled": false}' } });
  }
  state.memoryWriteGrant = enabled;
  return jsonOutgoing({ status: 200, body: { memoryWriteGrant: enabled } });
}
