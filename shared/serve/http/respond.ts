/** Writing JSON responses and errors; an unexpected error is logged and answered 500 without internals. */
import type { ServerResponse } from 'node:http';
import { HttpError } from '../http-error.js';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendError(response: ServerResponse, error: unknown, log: (line: string) => void): number {
  if (error instanceof HttpError) {
    sendJson(response, error.status, { error: error.message }, error.headers);
    return error.status;
  }
  log(`serve: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  sendJson(response, 500, { error: 'internal server error; the server log has the details' });
  return 500;
}
