/**
 * A plain 429 (no `x-ratelimit-remaining: 0`, no "secondary rate limit" message) is retried after
 * the server's `Retry-After` — seconds or an HTTP date — bounded so a hostile or broken server
 * cannot park the job: at most `maxWaitSeconds` per wait and `attempts` retries. A 429 was not
 * applied, so retrying a write is safe.
 */
export interface RetryAfterOptions {
  attempts: number;
  maxWaitSeconds: number;
  log: (message: string) => void;
  /** Sleeps (tests may shorten it; the default waits for real). */
  sleep?: (ms: number) => Promise<void>;
}

interface HttpError {
  status?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** Seconds to wait from a Retry-After value, or undefined when it says nothing usable. */
export function retryAfterSeconds(value: string | number | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export function retryOnTooManyRequests<T>(send: () => Promise<T>, describe: string, options: RetryAfterOptions): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempt = async (retry: number): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      const status = (error as HttpError | null)?.status;
      if (status !== 429 || retry >= options.attempts) throw error;
      const said = retryAfterSeconds((error as HttpError).response?.headers?.['retry-after']);
      const wait = Math.min(said ?? 2 ** retry, options.maxWaitSeconds);
      options.log(`GitHub answered 429 Too Many Requests on ${describe}; retrying in ${wait}s (${retry + 1}/${options.attempts}).`);
      await sleep(wait * 1000);
      return attempt(retry + 1);
    }
  };
  return attempt(0);
}
