/**
 * Signals to a whole process group. A command started with `detached: true` leads its own
 * group (pgid = its pid), so everything it starts, and everything those start, can be
 * signalled at once, unless a process deliberately leaves the group (setsid).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Sends `signal` to every process in the group; false when the group no longer exists. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * True while a living process is left in the group. Zombies don't count: in containers whose
 * PID 1 does not reap orphans, a killed process stays a zombie forever.
 */
export function groupExists(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  const members = livingMembers(pgid);
  return members === undefined ? true : members > 0;
}

/** Living (not zombie) processes in the group, from /proc; undefined where there is no /proc. */
function livingMembers(pgid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let living = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') living++;
  }
  return living;
}

/** Resolves true once the group is gone, false when `timeoutMs` passed first. */
export async function waitForGroupExit(pgid: number, timeoutMs: number, pollMs = 25): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (groupExists(pgid)) {
    if (performance.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return true;
}
