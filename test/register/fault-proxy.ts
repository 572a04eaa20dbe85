/**
 * A loopback HTTP proxy in front of the test registry that injects faults: it can answer 500
 * without forwarding, forward and then answer 500 (the registry did the work, the client
 * thinks it failed), or forward and then drop the connection.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'fail' | 'forward-then-fail' | 'forward-then-drop' | 'drop';

export interface SeenRequest {
  method: string;
  path: string;
  fault?: Fault;
}

/** Decides a fault for a request; `seen` holds every earlier request (this one not included). */
export type FaultRule = (request: SeenRequest, seen: readonly SeenRequest[]) => Fault | undefined;

export interface FaultProxy {
  host: string;
  seen: SeenRequest[];
  stop(): Promise<void>;
}

export async function startFaultProxy(target: string, rule: FaultRule): Promise<FaultProxy> {
  const [targetHost, targetPort] = target.split(':');
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: SeenRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
      const fault = rule(entry, seen);
      if (fault) entry.fault = fault;
      seen.push(entry);
      if (fault === 'fail') return failWith500(res);
      if (fault === 'drop') return req.socket.destroy();
      const upstream = request(
        { host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          if (fault === 'forward-then-fail') {
            answer.resume();
            answer.on('end', () => failWith500(res));
            return;
          }
          if (fault === 'forward-then-drop') {
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => failWith500(res));
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function failWith500(res: ServerResponse): void {
  res.writeHead(500, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'injected fault' }] }));
}
