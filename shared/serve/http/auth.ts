/**
 * Bearer tokens, compared in constant time (both sides hashed to equal length first). Tokens
 * never appear in a message or log line. An admin token is also good for the data plane.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http-error.js';
import { crypto } from '../../node/builtins.js';

export interface Tokens {
  admin?: string;
  infer?: string;
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto().createHash('sha256').update(given).digest();
  const b = crypto().createHash('sha256').update(expected).digest();
  return crypto().timingSafeEqual(a, b);
}

function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}

const unauthorized = (what: string) => new HttpError(401, what, { 'www-authenticate': 'Bearer realm="mlops-serve"' });

/** Data plane: open unless an infer token is set; then the infer or the admin token. */
export function checkInfer(request: IncomingMessage, tokens: Tokens): void {
  if (tokens.infer === undefined) return;
  const given = bearer(request);
  if (given === undefined) throw unauthorized('this server needs a token: send Authorization: Bearer <token>');
  const ok = sameSecret(given, tokens.infer) || (tokens.admin !== undefined && sameSecret(given, tokens.admin));
  if (!ok) throw unauthorized('the bearer token is not valid for this server');
}

/** Admin endpoints: disabled without an admin token; 403 for a valid infer token. */
export function checkAdmin(request: IncomingMessage, tokens: Tokens): void {
  if (tokens.admin === undefined) throw new HttpError(403, 'admin endpoints are disabled: start the server with --admin-token-file to enable them');
  const given = bearer(request);
  if (given === undefined) throw unauthorized('admin endpoints need the admin token: send Authorization: Bearer <token>');
  if (sameSecret(given, tokens.admin)) return;
  if (tokens.infer !== undefined && sameSecret(given, tokens.infer)) throw new HttpError(403, 'this endpoint needs the admin token; the token sent is only valid for inference');
  throw unauthorized('the bearer token is not valid for this server');
}
