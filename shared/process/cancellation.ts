/**
 * A cancellation request (a forwarded SIGTERM / SIGINT) that whatever is running at the time
 * can act on; a request made before anything subscribes is remembered.
 */
export class Cancellation {
  private requested: NodeJS.Signals | undefined;
  private readonly listeners = new Set<(signal: NodeJS.Signals) => void>();

  get signal(): NodeJS.Signals | undefined {
    return this.requested;
  }

  request(signal: NodeJS.Signals): void {
    this.requested ??= signal;
    for (const listener of this.listeners) listener(signal);
  }

  /** Calls `listener` on every request; returns the unsubscribe function. */
  subscribe(listener: (signal: NodeJS.Signals) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
