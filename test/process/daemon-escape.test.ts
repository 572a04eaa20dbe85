// Threat: a process the training command starts outlives the train step and reads later steps'
// tokens from /proc/*/environ. A double-forking daemon that calls setsid leaves the process group
// (and the session), so killing the group is not enough: every process in the command's session
// or carrying its environment token is stopped when the command ends.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCommand } from '../../shared/process/run-command.js';
import { runAction } from '../support/run-action.js';
import { isAlive, pathWithoutNvidiaSmi, scratch } from '../train/support.js';

// The subshell forks the daemon and exits at once: the daemon is re-parented, in a new session
// (setsid) and group, with its output detached from our pipes.
const DAEMON = (marker: string, extra = '') =>
  `( ${extra}setsid bash -c 'echo $$ > daemon.pid; exec sleep ${marker}' </dev/null >/dev/null 2>&1 & ); ` +
  'while [ ! -s daemon.pid ]; do sleep 0.02; done; echo started';

async function daemonPid(dir: string): Promise<number> {
  while (!existsSync(join(dir, 'daemon.pid')) || !readFileSync(join(dir, 'daemon.pid'), 'utf8').trim()) await new Promise((r) => setTimeout(r, 20));
  return Number(readFileSync(join(dir, 'daemon.pid'), 'utf8'));
}

describe('daemons that leave the process group do not survive the command', () => {
  it('a double-forked setsid daemon is found by its environment token and stopped', async () => {
    const dir = scratch();
    const running = startCommand({ command: DAEMON('611'), cwd: dir, env: { PATH: process.env.PATH ?? '' }, graceMs: 200, onLine: () => {} });
    const result = await running.done;
    const pid = await daemonPid(dir);
    expect(result.exitCode).toBe(0);
    expect(result.leftoverProcesses).toBe(true);
    expect(isAlive(pid, 'sleep 611')).toBe(false);
  });

  it('a daemon that leaves only the group (setpgid) is found by its session', async () => {
    const dir = scratch();
    // env -u drops the token, but the process keeps the command's session.
    const command = `( env -u MLOPS_TRAIN_SESSION perl -e 'setpgrp(0,0); open(F,">daemon.pid"); print F "$$"; close F; exec "sleep", "612"' </dev/null >/dev/null 2>&1 & ); while [ ! -s daemon.pid ]; do sleep 0.02; done`;
    const running = startCommand({ command, cwd: dir, env: { PATH: process.env.PATH ?? '' }, graceMs: 200, onLine: () => {} });
    await running.done;
    expect(isAlive(await daemonPid(dir), 'sleep 612')).toBe(false);
  });

  it('through the bundled train action: nothing the command started survives the stage', async () => {
    const dir = scratch();
    const result = await runAction('train', {
      cwd: dir,
      inputs: { command: `${DAEMON('613')}; touch model.onnx`, model: 'model.onnx' },
      env: { PATH: pathWithoutNvidiaSmi() + ':' + (process.env.PATH ?? '') },
    });
    expect(isAlive(await daemonPid(dir), 'sleep 613')).toBe(false);
    expect(result.stdout).toMatch(/left|still running|background/i);
  });
});
