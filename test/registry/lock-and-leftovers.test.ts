// Threats: a lock whose owner died and whose pid was reused blocks registrations for 10
// minutes; temporary uploads of killed registrations stay in the layout forever.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDirectoryLock } from '../../shared/registry/lock.js';
import { bootId, processStartTime } from '../../shared/registry/process-identity.js';
import { runAction } from '../support/run-action.js';
import { MODEL, makeWorkspace } from '../register/workspace.js';

describe('layout lock and leftovers', () => {
  it('a lock held by a reused pid (alive, but started at another time) is broken at once', async () => {
    const lockPath = join(mkdtempSync(join(tmpdir(), 'lock-reuse-')), '.mlops-lock');
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const pid = other.pid!;
      const started = processStartTime(pid)!;
      expect(started).toMatch(/^[0-9]+$/);
      // The lock's owner had this pid in an earlier life: same host and boot, another start time.
      writeFileSync(lockPath, JSON.stringify({ pid, host: hostname(), at: '2026-01-01T00:00:00Z', boot_id: bootId(), start_time: String(Number(started) - 1) }));
      await expect(withDirectoryLock(lockPath, async () => 'acquired', { timeoutMs: 3000 })).resolves.toBe('acquired');

      // The same pid with its real start time is a live owner: we wait (and here, time out).
      writeFileSync(lockPath, JSON.stringify({ pid, host: hostname(), at: '2026-01-01T00:00:00Z', boot_id: bootId(), start_time: started }));
      await expect(withDirectoryLock(lockPath, async () => 'acquired', { timeoutMs: 300 })).rejects.toThrow(new RegExp(`locked by process ${pid}`));

      // An owner from a previous boot of this host is gone, whatever its pid does now.
      writeFileSync(lockPath, JSON.stringify({ pid, host: hostname(), at: '2026-01-01T00:00:00Z', boot_id: 'another-boot', start_time: started }));
      await expect(withDirectoryLock(lockPath, async () => 'acquired', { timeoutMs: 3000 })).resolves.toBe('acquired');
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('temporary uploads of killed registrations are removed; a live one is kept', async () => {
    const { cwd } = makeWorkspace({ name: 'churn' });
    expect((await runAction('register', { cwd, inputs: { model: MODEL } })).code).toBe(0);
    const blobs = join(cwd, '.mlops/registry/blobs/sha256');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const killed = join(blobs, `.upload-${dead}-12345-aaaaaaaaaaaa.tmp`);
    const oldUnnamed = join(blobs, '.upload-bbbbbbbbbbbb.tmp');
    const live = join(blobs, `.upload-${process.pid}-${processStartTime(process.pid)}-cccccccccccc.tmp`);
    for (const file of [killed, oldUnnamed, live]) writeFileSync(file, 'partial model bytes');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(oldUnnamed, twoDaysAgo, twoDaysAgo);

    writeFileSync(join(cwd, 'mlops-out/MODEL_CARD.md'), '# churn\n\nAnother card.\n');
    const second = await runAction('register', { cwd, inputs: { model: MODEL, 'force-reason': 'second version for the leftover test' } });
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toMatch(/removed 2 temporary upload\(s\) left by registrations that were killed/);
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(oldUnnamed)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
