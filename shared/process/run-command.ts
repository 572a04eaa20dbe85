/**
 * Runs a command string with bash exactly as a workflow `run:` step does
 * (`bash --noprofile --norc -eo pipefail -c <command>`), as a real child process leading its
 * own process group. Output is handed over line by line as it arrives. A timeout or a stop
 * request sends a signal to the whole group, waits a grace period, then sends SIGKILL; when
 * bash exits, processes it left running are stopped the same way — in its group, in its session,
 * or carrying its environment token (session-tracking.ts: daemons that double-fork and setsid).
 */
import { constants } from 'node:os';
import { LineSplitter } from './line-splitter.js';
import { groupExists, signalGroup, waitForGroupExit } from './process-group.js';
import { newSessionToken, SESSION_TOKEN_VARIABLE, signalTracked, stopTracked, type SessionMarks } from './session-tracking.js';
import { childProcess } from '../node/builtins.js';

export type OutputStream = 'stdout' | 'stderr';

export interface RunCommandOptions {
  command: string;
  cwd: string;
  /** The complete environment of the command. */
  env: Record<string, string>;
  /** Stop the command after this long (undefined: no limit). */
  timeoutMs?: number;
  /** Time between the polite signal and SIGKILL. */
  graceMs: number;
  onLine: (line: string, stream: OutputStream) => void;
  /** Called when the process tree is being stopped, before the first signal is sent. */
  onStopping?: (reason: StopReason, signal: NodeJS.Signals, graceMs: number) => void;
}

export type StopReason = 'timeout' | 'cancelled' | 'leftover-processes';

export interface CommandResult {
  /** The command's exit status; 128 + N when it was ended by signal N (as a shell reports it). */
  exitCode: number;
  /** The signal that ended bash, if one did. */
  signal?: NodeJS.Signals;
  timedOut: boolean;
  /** The signal this process received and forwarded, when the run was cancelled. */
  cancelledBy?: NodeJS.Signals;
  /** Processes were still running in the group after bash exited (they were stopped). */
  leftoverProcesses: boolean;
  /** Set when bash itself could not be started. */
  spawnError?: string;
  startedAt: Date;
  durationSeconds: number;
}

export interface RunningCommand {
  readonly pid: number | undefined;
  /** Forwards `signal` to the whole tree; SIGKILL after the grace period, or at once on a second call. */
  stop(signal: NodeJS.Signals, graceMs?: number): void;
  readonly done: Promise<CommandResult>;
}

export const BASH_ARGS = ['--noprofile', '--norc', '-eo', 'pipefail', '-c'] as const;

export function startCommand(options: RunCommandOptions): RunningCommand {
  const startedAt = new Date();
  const started = performance.now();
  const token = newSessionToken();
  const child = childProcess().spawn('bash', [...BASH_ARGS, options.command], {
    cwd: options.cwd,
    env: { ...options.env, [SESSION_TOKEN_VARIABLE]: token },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  const marks: SessionMarks | undefined = pgid === undefined ? undefined : { leader: pgid, token };

  let timedOut = false;
  let cancelledBy: NodeJS.Signals | undefined;
  let stopping = false;
  let killTimer: NodeJS.Timeout | undefined;

  const stopTree = (reason: StopReason, signal: NodeJS.Signals, graceMs = options.graceMs) => {
    if (pgid === undefined) return;
    if (stopping) {
      // A second request (the runner's SIGTERM after its SIGINT): no more grace.
      signalGroup(pgid, 'SIGKILL');
      if (marks) signalTracked(marks, 'SIGKILL');
      return;
    }
    stopping = true;
    options.onStopping?.(reason, signal, graceMs);
    const inSession = marks ? signalTracked(marks, signal) : 0;
    if (!signalGroup(pgid, signal) && !inSession) return;
    killTimer = setTimeout(() => {
      signalGroup(pgid, 'SIGKILL');
      if (marks) signalTracked(marks, 'SIGKILL');
    }, graceMs);
    killTimer.unref();
  };

  const timeoutTimer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          stopTree('timeout', 'SIGTERM');
        }, options.timeoutMs);

  const done = new Promise<CommandResult>((resolve) => {
    const splitters = {
      stdout: new LineSplitter((line) => options.onLine(line, 'stdout')),
      stderr: new LineSplitter((line) => options.onLine(line, 'stderr')),
    };
    child.stdout.on('data', (chunk: Buffer) => splitters.stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => splitters.stderr.push(chunk));

    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let spawnError: string | undefined;
    let leftoverProcesses = false;
    let closed = false;
    let settled = false;

    const finish = () => {
      if (settled) return;
      settled = true;
      if (timeoutTimer) clearTimeout(timeoutTimer);
      if (killTimer) clearTimeout(killTimer);
      splitters.stdout.end();
      splitters.stderr.end();
      const signal = exit?.signal ?? undefined;
      const exitCode = spawnError ? 127 : signal ? 128 + (constants.signals[signal] ?? 0) : (exit?.code ?? 1);
      resolve({
        exitCode,
        ...(signal ? { signal } : {}),
        timedOut,
        ...(cancelledBy ? { cancelledBy } : {}),
        leftoverProcesses,
        ...(spawnError ? { spawnError } : {}),
        startedAt,
        durationSeconds: (performance.now() - started) / 1000,
      });
    };

    child.on('error', (error) => {
      spawnError = error.message;
      finish();
    });
    // Finished only when both the pipes closed and the leftovers were dealt with.
    let exitHandled = false;
    child.on('close', () => {
      closed = true;
      if (exitHandled) finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      void (async () => {
        if (pgid !== undefined && groupExists(pgid)) {
          // Background processes the command left behind (they may hold the GPU or our pipes).
          leftoverProcesses = !stopping;
          if (!stopping) stopTree('leftover-processes', 'SIGTERM');
          if (!(await waitForGroupExit(pgid, options.graceMs + 2000))) {
            // SIGKILL cannot be ignored, but a loaded machine (or a process in an uninterruptible
            // driver call) can take a while to let it finish dying: make sure it was sent, wait.
            signalGroup(pgid, 'SIGKILL');
            await waitForGroupExit(pgid, 30_000);
          }
        }
        // What left the group: setsid daemons, double forks (found by session id and token).
        if (marks && (await stopTracked(marks, 'SIGTERM', options.graceMs)) > 0) {
          leftoverProcesses ||= !stopping;
          if (!stopping) options.onStopping?.('leftover-processes', 'SIGTERM', options.graceMs);
        }
        exitHandled = true;
        if (closed) return finish();
        // A process that left the group (setsid) may still hold the pipes: don't wait forever.
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish();
        }, 2000).unref();
      })();
    });
  });

  return {
    pid: pgid,
    stop(signal, graceMs) {
      cancelledBy ??= signal;
      stopTree('cancelled', signal, graceMs);
    },
    done,
  };
}
