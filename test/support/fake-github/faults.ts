/**
 * Faults to inject, matched by method and OpenAPI path template and used up in order.
 * A route that GitHub's description does not have is refused when the fault is added, so a
 * typo cannot leave a fault that never fires.
 */
import { findOperation } from './openapi.js';

export type Fault =
  | {
      kind: 'server-error';
      method: string;
      route: string;
      status: number;
      /** Apply the request first, then fail: the duplicate-POST hazard. */
      afterWrite: boolean;
    }
  | { kind: 'secondary-rate-limit'; method: string; route: string; retryAfter: number }
  | { kind: 'too-many-requests'; method: string; route: string; retryAfter: string }
  | { kind: 'unprocessable'; method: string; route: string; message: string; errors: unknown[] };

export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE:0000.';

export class FaultQueue {
  private readonly queue: Fault[] = [];

  /** Answer the next `times` matching requests with a 5xx. */
  serverError(method: string, route: string, options: { status?: number; afterWrite?: boolean; times?: number } = {}): this {
    const status = options.status ?? 502;
    if (status < 500 || status > 599) throw new Error(`fake GitHub: serverError status must be 5xx, got ${status}`);
    return this.add({ kind: 'server-error', method, route, status, afterWrite: options.afterWrite ?? false }, options.times);
  }

  /** Answer with 403, `retry-after` and GitHub's secondary-rate-limit message. */
  secondaryRateLimit(method: string, route: string, options: { retryAfter?: number; times?: number } = {}): this {
    return this.add({ kind: 'secondary-rate-limit', method, route, retryAfter: options.retryAfter ?? 1 }, options.times);
  }

  /** Answer with a plain 429 and `retry-after` (seconds or an HTTP date), no rate-limit headers. */
  tooManyRequests(method: string, route: string, options: { retryAfter?: string; times?: number } = {}): this {
    return this.add({ kind: 'too-many-requests', method, route, retryAfter: options.retryAfter ?? '1' }, options.times);
  }

  /** Answer with 422 Validation Failed. */
  unprocessable(method: string, route: string, options: { message?: string; errors?: unknown[]; times?: number } = {}): this {
    return this.add(
      { kind: 'unprocessable', method, route, message: options.message ?? 'Validation Failed', errors: options.errors ?? [] },
      options.times,
    );
  }

  add(fault: Fault, times = 1): this {
    const method = fault.method.toUpperCase();
    if (!findOperation(method, fault.route)) {
      throw new Error(`fake GitHub: no operation ${method} ${fault.route} in GitHub's OpenAPI description`);
    }
    for (let i = 0; i < times; i++) this.queue.push({ ...fault, method });
    return this;
  }

  /** Removes and returns the first fault for this request, if any. */
  take(method: string, route: string): Fault | undefined {
    const index = this.queue.findIndex((f) => f.method === method && f.route === route);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  /** Faults not used yet. */
  pending(): readonly Fault[] {
    return [...this.queue];
  }

  clear(): void {
    this.queue.length = 0;
  }
}
