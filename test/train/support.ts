// Helpers for the train stage's tests: liveness of a process by pid, and PATHs with or without
// the nvidia-smi stand-in.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

export const STAND_IN_BIN = new URL('../fixtures/nvidia-smi/bin', import.meta.url).pathname;
export const EXAMPLE = new URL('../../examples/breast-cancer', import.meta.url).pathname;

/**
 * Whether the process `pid` that runs a command line containing `marker` is alive: not gone,
 * not a zombie (this container's PID 1 may never reap orphans), and not a new process that
 * reused the pid (pids wrap quickly on a busy machine).
 */
export function isAlive(pid: number, marker: string): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return !['Z', 'X'].includes(state) && commandLine.includes(marker);
  } catch {
    return false;
  }
}

export function scratch(prefix = 'mlops-train-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A PATH with the nvidia-smi stand-in first. */
export function pathWithStandIn(): string {
  return `${STAND_IN_BIN}:${process.env.PATH ?? ''}`;
}

/** A PATH holding only bash (and no nvidia-smi), whatever this machine has installed. */
export function pathWithoutNvidiaSmi(): string {
  const bin = join(scratch('mlops-bin-'), 'bin');
  mkdirSync(bin);
  symlinkSync(execFileSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim(), join(bin, 'bash'));
  return bin;
}
