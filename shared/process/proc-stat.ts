/** One process's line of /proc/<pid>/stat, read by the group and session trackers. */
import { readFileSync } from 'node:fs';

export interface ProcStat {
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
}

/** The process's state and ids; undefined when it exited meanwhile (or there is no /proc). */
export function readProcStat(pid: string): ProcStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp session …"; comm may hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0]!, ppid: Number(fields[1]), pgrp: Number(fields[2]), session: Number(fields[3]) };
}

/** Zombies (Z) and dead (X) processes: killed already, only waiting to be reaped. */
export function isLiving(stat: ProcStat): boolean {
  return stat.state !== 'Z' && stat.state !== 'X';
}
