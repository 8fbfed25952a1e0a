import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_PREFIX, answerAdmin } from './admin';
import { API_PREFIX, answerApi } from './api';
import type { ServerState } from './context';
import { jsonOutgoing, type Outgoing } from './outgoing';

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function write(res: ServerResponse, outgoing: Outgoing): void {
  if (res.destroyed || outgoing.hang) {
    return; // the client left, the server is closing, or the fault is a server that never answers
  }
  const headers: Record<string, string> = { ...outgoing.headers };
  if (outgoing.body === null) {
    res.writeHead(outgoing.status, headers);
    res.end();
    return;
  }
  const bytes = Buffer.from(outgoing.body, 'utf8');
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(outgoing.status, headers);
  if (outgoing.drop) {
    // Headers promise the whole body; half of it arrives, then the connection dies.
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(bytes);
}

function isBelow(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

async function handle(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);

  if (isBelow(url.pathname, ADMIN_PREFIX)) {
    write(res, answerAdmin(state, method, url.pathname, body));
    return;
  }
  if (!isBelow(url.pathname, API_PREFIX)) {
    write(res, jsonOutgoing({ status: 404, body: { detail: 'Not Found' } }));
    return;
  }

  const query = Object.fromEntries(url.searchParams);
  const outgoing = answerApi(
    {
      state,
      method,
      path: url.pathname.slice(API_PREFIX.length) || '/',
      query,
      authorization: req.headers.authorization,
      body,
      headers: {},
    },
    url.search,
  );
  if (state.faults.latencyMs > 0) {
    await sleep(state.faults.latencyMs);
  }
  write(res, outgoing);
  state.requests.push({ method, path: url.pathname, query, status: outgoing.status, at });
  state.options.log?.(`${method} ${url.pathname}${url.search} ${outgoing.status} ${Date.now() - at}ms`);
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export function listen(state: ServerState, port: number): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      console.error('[omi sandbox] request failed', error);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end('Internal Server Error');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
