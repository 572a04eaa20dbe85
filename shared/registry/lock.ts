/**
 * An exclusive lock on a layout directory, held across read-index → assign version → write
 * → update index. The lock is a file created with O_EXCL holding the owner's pid, host, boot id
 * and process start time (process-identity.ts). A lock whose owner process is gone (same host:
 * pid not alive, or alive but started at another time — a reused pid —, or another boot) is
 * stale and is broken; the
 * breaking itself is serialised by a second short-lived O_EXCL file, so two waiters can never
 * both break the same lock and delete a fresh one. A lock owned by another host is never
 * broken automatically (the pid means nothing here): the error says which file to remove.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod/mini';
import '../zod/setup.js';
import { UserError } from '../errors/user-error.js';
import { currentProcess, ownerState } from './process-identity.js';

const LockOwner = z.object({ pid: z.number().check(z.int()), host: z.string(), at: z.string(), boot_id: z.optional(z.string()), start_time: z.optional(z.string()) });
type LockOwner = z.infer<typeof LockOwner>;

export interface LockOptions {
  /** How long to wait for another registration to finish. */
  timeoutMs?: number;
  onWait?: (owner: LockOwner | undefined) => void;
}

/** A breaker file older than this is left over from a crash and may be removed. */
const BREAKER_STALE_MS = 30_000;

export async function withDirectoryLock<T>(lockPath: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquire(lockPath, options);
  try {
    return await fn();
  } finally {
    await release();
  }
}

async function tryCreate(path: string, content: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const parsed = LockOwner.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Stale: its owner died on this host, or it never got an owner written (a crash between create and write). */
async function isStale(lockPath: string, owner: LockOwner | undefined): Promise<boolean> {
  if (owner) {
    // Ours (same pid and start time): held by this process, never stale.
    const me = currentProcess();
    if (owner.host === me.host && owner.pid === me.pid && (!owner.start_time || owner.start_time === me.start_time)) return false;
    return ownerState(owner) === 'gone';
  }
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs > BREAKER_STALE_MS;
  } catch {
    return false;
  }
}

async function breakIfStale(lockPath: string): Promise<void> {
  const breaker = `${lockPath}.break`;
  if (!(await tryCreate(breaker, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() })))) {
    try {
      const { mtimeMs } = await stat(breaker);
      if (Date.now() - mtimeMs > BREAKER_STALE_MS) await rm(breaker, { force: true });
    } catch {
      // gone already
    }
    return;
  }
  try {
    // Re-read under the breaker: only breakers delete other processes' locks, so what we read
    // now is what we delete.
    if (await isStale(lockPath, await readOwner(lockPath))) await rm(lockPath, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

async function acquire(lockPath: string, options: LockOptions): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const me: LockOwner = { ...currentProcess(), at: new Date().toISOString() };
  const deadline = Date.now() + timeoutMs;
  let delay = 10;
  let told = false;
  for (;;) {
    if (await tryCreate(lockPath, JSON.stringify(me))) {
      return async () => {
        await rm(lockPath, { force: true });
      };
    }
    const owner = await readOwner(lockPath);
    if (await isStale(lockPath, owner)) {
      await breakIfStale(lockPath);
      continue;
    }
    if (Date.now() > deadline) {
      throw new UserError(`the registry is locked by ${owner ? `process ${owner.pid} on ${owner.host} since ${owner.at}` : 'another registration'}`, {
        where: { file: lockPath },
        hint: 'Wait for the other registration to finish. If no registration is running, remove the lock file.',
      });
    }
    if (!told) {
      options.onWait?.(owner);
      told = true;
    }
    // Jitter keeps several waiters from retrying in lockstep.
    await sleep(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 250);
  }
}
