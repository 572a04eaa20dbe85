/**
 * Reading an HTTP answer from a server we do not trust with its size capped, and naming why a
 * request never got one (for deploy's clients: mlops serve, Prometheus).
 */
import { UserError } from '../errors/user-error.js';

/** The body as text; refused (before and while reading) once it exceeds `cap` bytes. */
export async function readCapped(response: Response, cap: number, what: string): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > cap) throw new UserError(`${what} answered ${length} bytes, over the ${cap}-byte cap`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      throw new UserError(`${what} answered more than ${cap} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The system error code under fetch's TypeError("fetch failed") (ECONNREFUSED, ENOTFOUND, …), or a timeout. */
export function networkCause(error: unknown): string {
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  let cause = (error as { cause?: unknown }).cause as { code?: string; errors?: { code?: string }[]; message?: string } | undefined;
  for (let depth = 0; cause && depth < 4; depth++) {
    if (cause.code) return cause.code;
    if (cause.errors?.[0]?.code) return cause.errors[0].code;
    cause = (cause as { cause?: unknown }).cause as typeof cause;
  }
  // Not a network error: fetch refused the request itself (e.g. a header value with a line
  // break), and its message may quote that header, a token included.
  if (error instanceof TypeError && (error as { cause?: unknown }).cause === undefined) return 'the request could not be built';
  return (error as Error).message || 'network error';
}
