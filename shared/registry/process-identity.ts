/**
 * Who holds a lock or a temporary file, in a way that survives pid reuse: the pid, the host,
 * the kernel's boot id and the process's start time (clock ticks since boot, from
 * /proc/<pid>/stat). A pid that is alive but started at another time is another process; a
 * different boot id on the same host means the owner died with the previous boot. Where /proc
 * does not exist (macOS), only the pid is known and a reused pid still looks alive.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface ProcessIdentity {
  pid: number;
  host: string;
  boot_id?: string;
  start_time?: string;
}

export function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; undefined when the process is gone or there is no /proc. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function currentProcess(): ProcessIdentity {
  const identity: ProcessIdentity = { pid: process.pid, host: hostname() };
  const boot = bootId();
  const start = processStartTime(process.pid);
  if (boot) identity.boot_id = boot;
  if (start) identity.start_time = start;
  return identity;
}

/** Whether a process with this pid runs on this host (EPERM: it runs, as another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * 'alive' or 'gone' for an owner on this host; 'unknown' for one on another host (its pid means
 * nothing here).
 */
export function ownerState(owner: ProcessIdentity): 'alive' | 'gone' | 'unknown' {
  if (owner.host !== hostname()) return 'unknown';
  const boot = bootId();
  if (owner.boot_id && boot && owner.boot_id !== boot) return 'gone';
  if (!pidAlive(owner.pid)) return 'gone';
  if (owner.start_time) {
    const now = processStartTime(owner.pid);
    if (now !== undefined && now !== owner.start_time) return 'gone';
  }
  return 'alive';
}
