/**
 * Apply, then wait: the object is applied, and its status polled until KServe has observed the
 * new generation and the expectation holds (conditions, revisions, traffic), or the deadline
 * passes. A progress line is logged whenever the reported state changes (and every 30 s), so a
 * slow rollout shows what it waits for; the deadline error carries the last conditions.
 */
import { UserError } from '../../errors/user-error.js';
import type { InferenceService, KserveClient } from './client.js';
import { describeStatus, readStatus, type IsvcStatus } from './status.js';

/** true when satisfied, else what is still missing. */
export type Expectation = (status: IsvcStatus) => true | string;

export interface WaitHooks {
  log(message: string): void;
  sleep(ms: number): Promise<void>;
  now(): number;
  pollMs: number;
  timeoutMs: number;
}

export class NotReady extends UserError {
  constructor(
    what: string,
    readonly seconds: number,
    readonly waitingFor: string,
    readonly last: IsvcStatus | undefined,
  ) {
    super(`${what}: not ready within ${seconds} s (waiting for ${waitingFor}); last status: ${last ? describeStatus(last) : 'none reported'}`, {
      where: { key: 'deploy.kserve.ready_timeout_seconds' },
      hint: 'Look at the predictor\'s pods and events (kubectl describe inferenceservice / kubectl get pods); raise the deadline if the image pull or model load is just slow.',
    });
  }
}

/**
 * The same hooks with a sleep that cancellation does not cut short: a rollback started because
 * of SIGTERM must still wait for the traffic to be back (bounded by the same deadline).
 */
export function uninterruptible(hooks: WaitHooks): WaitHooks {
  return { ...hooks, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
}

export async function applyAndWait(client: KserveClient, manifest: InferenceService, expectation: Expectation, what: string, hooks: WaitHooks): Promise<IsvcStatus> {
  const applied = await client.apply(manifest);
  const generation = typeof applied.metadata?.generation === 'number' ? applied.metadata.generation : 0;
  return waitFor(client, manifest.metadata!.name!, generation, expectation, what, hooks);
}

export async function waitFor(client: KserveClient, name: string, generation: number, expectation: Expectation, what: string, hooks: WaitHooks): Promise<IsvcStatus> {
  const started = hooks.now();
  const deadline = started + hooks.timeoutMs;
  let lastLine = '';
  let lastLogged = started;
  let last: IsvcStatus | undefined;
  let missing = 'the status';
  for (;;) {
    const live = await client.get(name);
    if (!live) throw new UserError(`the InferenceService "${name}" disappeared from ${client.namespace} while ${what}`, { hint: 'Someone deleted it during the deploy; deploy again.' });
    last = readStatus(live);
    const verdict = last.observedGeneration >= generation ? expectation(last) : `KServe to observe generation ${generation} (it has seen ${last.observedGeneration})`;
    if (verdict === true) {
      hooks.log(`${what}: ${describeStatus(last)}`);
      return last;
    }
    missing = verdict;
    const line = describeStatus(last);
    const now = hooks.now();
    if (line !== lastLine || now - lastLogged >= 30_000) {
      hooks.log(`${what}: waiting for ${missing} (${Math.round((now - started) / 1000)} s) — ${line}`);
      lastLine = line;
      lastLogged = now;
    }
    if (now >= deadline) throw new NotReady(what, Math.round(hooks.timeoutMs / 1000), missing, last);
    await hooks.sleep(Math.min(hooks.pollMs, Math.max(1, deadline - now)));
  }
}
