/**
 * Signals to a whole process group. A command started with `detached: true` leads its own
 * group (pgid = its pid), so everything it starts, and everything those start, can be
 * signalled at once, unless a process deliberately leaves the group (setsid).
 */
import { readdirSync } from 'node:fs';
import { isLiving, readProcStat } from './proc-stat.js';

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
    const stat = readProcStat(entry);
    if (stat && stat.pgrp === pgid && isLiving(stat)) living++;
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
