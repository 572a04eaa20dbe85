/**
 * Everything a command started, found again at the end — not only its process group.
 *
 * The command leads its own session and group (spawned detached: setsid). A process can leave
 * the group (`setpgid`) or the session (`setsid`, a double-forking daemon) and be re-parented to
 * init, so neither the group nor the parent chain finds it. Three marks are followed, on Linux
 * through /proc:
 *   - the process group id of the command,
 *   - the session id of the command (a `setpgid` escapee stays in the session),
 *   - a random per-run token in the environment (`MLOPS_TRAIN_SESSION`), which every descendant
 *     inherits, through setsid and double forks, unless it deliberately rebuilds its environment.
 * What it cannot contain: a process that both leaves the session and clears its environment
 * (`env -i setsid …`), one started by another user (sudo), by a system service (systemd, docker
 * run), or on another machine. A cgroup (systemd-run --scope, a container per job) contains
 * those; an ephemeral runner (one job per VM) removes the question altogether.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isLiving, readProcStat } from './proc-stat.js';
import { crypto } from '../node/builtins.js';

export const SESSION_TOKEN_VARIABLE = 'MLOPS_TRAIN_SESSION';

export interface SessionMarks {
  /** Process group and session id of the command (its pid: it was started with setsid). */
  leader: number;
  /** The environment token: `MLOPS_TRAIN_SESSION=<token>`. */
  token: string;
}

export function newSessionToken(): string {
  return crypto().randomBytes(16).toString('hex');
}

/** Living processes (not zombies, not this one) that carry any of the marks. */
export function trackedProcesses(marks: SessionMarks): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const needle = Buffer.from(`${SESSION_TOKEN_VARIABLE}=${marks.token}\0`);
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const stat = readProcStat(entry);
    if (!stat || !isLiving(stat)) continue;
    if (stat.pgrp === marks.leader || stat.session === marks.leader || carriesToken(entry, needle)) found.push(pid);
  }
  return found;
}

function carriesToken(pid: string, needle: Buffer): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`).includes(needle);
  } catch {
    return false; // another user's process, or gone
  }
}

/** Sends `signal` to every tracked process; returns how many were signalled. */
export function signalTracked(marks: SessionMarks, signal: NodeJS.Signals): number {
  let signalled = 0;
  for (const pid of trackedProcesses(marks)) {
    try {
      process.kill(pid, signal);
      signalled++;
    } catch {
      // gone meanwhile, or not ours to signal
    }
  }
  return signalled;
}

/**
 * Stops every tracked process: `signal`, up to `graceMs` for them to exit, then SIGKILL until
 * /proc shows none for several scans in a row (a process may be forking, or in the middle of an
 * exec that hides its environment, at the moment of one scan) or `killTimeoutMs` passed.
 * Returns how many distinct processes were found.
 */
export async function stopTracked(marks: SessionMarks, signal: NodeJS.Signals, graceMs: number, killTimeoutMs = 30_000, pollMs = 25): Promise<number> {
  const seen = new Set<number>();
  const sleep = () => new Promise((resolve) => setTimeout(resolve, pollMs));
  const QUIET_SCANS = 4;
  const sweep = (sig: NodeJS.Signals) => {
    const pids = trackedProcesses(marks);
    for (const pid of pids) {
      seen.add(pid);
      try {
        process.kill(pid, sig);
      } catch {
        // gone meanwhile, or not ours to signal
      }
    }
    return pids.length;
  };
  let quiet = 0;
  const graceEnd = performance.now() + graceMs;
  while (performance.now() < graceEnd && quiet < QUIET_SCANS) {
    quiet = sweep(signal) ? 0 : quiet + 1;
    await sleep();
  }
  if (seen.size === 0) return 0;
  quiet = 0;
  const killEnd = performance.now() + killTimeoutMs;
  while (quiet < QUIET_SCANS && performance.now() < killEnd) {
    quiet = sweep('SIGKILL') ? 0 : quiet + 1;
    await sleep();
  }
  return seen.size;
}
