// Tests run the bundles the runner runs, so build them first (the build is deterministic).
// Every temporary file of the run (scratch workspaces, registries, servers' tokens, DuckDB's
// spill, the packed tarball: ~1 GB a run) goes under one directory that is removed at the end.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidAlive } from '../../shared/registry/process-identity.js';

const RUN_PREFIX = 'mlops-test-run-';

export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname, stdio: 'inherit' });
  const parent = tmpdir();
  removeAbandonedRuns(parent);
  const root = mkdtempSync(join(parent, `${RUN_PREFIX}${process.pid}-`));
  // os.tmpdir() reads TMPDIR on each call, and the test workers, the actions and the servers
  // they start inherit it, so this one variable moves every mkdtemp of the run under `root`.
  process.env.TMPDIR = root;
  return () => {
    process.env.TMPDIR = parent;
    rmSync(root, { recursive: true, force: true });
  };
}

/** Removes the run directories of earlier runs whose process is gone (killed before its teardown). */
function removeAbandonedRuns(parent: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(RUN_PREFIX)) continue;
    const pid = Number(name.slice(RUN_PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !pidAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}
