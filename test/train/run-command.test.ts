// The process layer on its own: exit codes, the whole tree stopped with SIGKILL after the grace
// period, processes left behind stopped, a stop request forwarded, bash's spawn options.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCommand, type OutputStream } from '../../shared/process/run-command.js';
import { isAlive, scratch } from './support.js';

function run(command: string, options: { cwd?: string; timeoutMs?: number; graceMs?: number } = {}) {
  const lines: Array<[string, OutputStream]> = [];
  const stops: string[] = [];
  const running = startCommand({
    command,
    cwd: options.cwd ?? scratch(),
    env: { PATH: process.env.PATH ?? '', SECRET_VALUE: 'hunter22' },
    timeoutMs: options.timeoutMs,
    graceMs: options.graceMs ?? 200,
    onLine: (line, stream) => lines.push([line, stream]),
    onStopping: (reason, signal) => stops.push(`${reason}:${signal}`),
  });
  return { running, lines, stops };
}

async function waitForFile(path: string): Promise<void> {
  while (!existsSync(path) || readFileSync(path, 'utf8').trim() === '') await new Promise((r) => setTimeout(r, 20));
}

describe('startCommand', () => {
  it('runs with bash -eo pipefail, streams both outputs, reports the exit code', async () => {
    const { running, lines } = run('echo out; echo err >&2; false | true; echo unreachable');
    const result = await running.done;
    expect(result.exitCode).toBe(1); // pipefail makes `false | true` fail, -e stops there
    expect(lines).toEqual([
      ['out', 'stdout'],
      ['err', 'stderr'],
    ]);
    expect(result.timedOut).toBe(false);
  });

  it('passes only the given environment, never interpolating it into the command', async () => {
    const { running, lines } = run('printf "%s\\n" "$SECRET_VALUE" "${HOME:-unset}"');
    await running.done;
    expect(lines.map(([l]) => l)).toEqual(['hunter22', 'unset']);
  });

  it('reports 127 for a command that does not exist', async () => {
    const { running, lines } = run('no-such-command-mlops --flag');
    expect((await running.done).exitCode).toBe(127);
    expect(lines.map(([l]) => l).join('\n')).toContain('no-such-command-mlops: command not found');
  });

  it('on a stop request, stops the whole tree: the signal, then SIGKILL for what ignores it', async () => {
    const dir = scratch();
    // The grandchild ignores SIGTERM, so only the SIGKILL after the grace period ends it.
    const { running, stops } = run(`bash -c 'trap "" TERM; echo $$ > grandchild.pid; while :; do sleep 0.05; done' & wait`, { cwd: dir, timeoutMs: 60_000, graceMs: 200 });
    await waitForFile(join(dir, 'grandchild.pid'));
    const grandchild = Number(readFileSync(join(dir, 'grandchild.pid'), 'utf8'));
    expect(isAlive(grandchild, 'trap')).toBe(true);
    running.stop('SIGTERM');
    const result = await running.done;
    expect(stops).toEqual(['cancelled:SIGTERM']);
    expect(result.cancelledBy).toBe('SIGTERM');
    expect(result.exitCode).toBe(143);
    expect(isAlive(grandchild, 'trap')).toBe(false);
  });

  it('times out on its own and says so', async () => {
    const { running, stops } = run('sleep 30', { timeoutMs: 300 });
    const result = await running.done;
    expect(result).toMatchObject({ timedOut: true, exitCode: 143, signal: 'SIGTERM' });
    expect(stops).toEqual(['timeout:SIGTERM']);
  });

  it('stops processes the command left running when it exits', async () => {
    const dir = scratch();
    const { running, stops } = run('sleep 307 & echo $! > left.pid; exit 0', { cwd: dir });
    const result = await running.done;
    const left = Number(readFileSync(join(dir, 'left.pid'), 'utf8'));
    expect(result.exitCode).toBe(0);
    expect(result.leftoverProcesses).toBe(true);
    expect(stops).toEqual(['leftover-processes:SIGTERM']);
    expect(isAlive(left, 'sleep 307')).toBe(false);
  });

  it('a second stop request kills at once', async () => {
    const dir = scratch();
    const { running } = run(`trap "" TERM INT; echo started > started; while :; do sleep 0.05; done`, { cwd: dir, graceMs: 600_000 });
    await waitForFile(join(dir, 'started'));
    running.stop('SIGINT');
    running.stop('SIGTERM');
    const result = await running.done;
    expect(result).toMatchObject({ cancelledBy: 'SIGINT', exitCode: 137, signal: 'SIGKILL' });
  });
});
