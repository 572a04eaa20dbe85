// The DuckDB session's thread count: the cores (at most 8) for plain scans, one more while a query
// calls JS functions (each call blocks its DuckDB thread until the JS thread runs it), back after
// it, also when it fails; a thread count the user sets (MLOPS_DUCKDB_THREADS) is kept throughout.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { openDuckSession, type DuckSession } from '../../shared/data/duckdb-session.js';
import { createRecordingHost } from '../support/recording-host.js';

const hostWith = (env: Record<string, string>) => createRecordingHost({ env });

async function threads(session: DuckSession): Promise<number> {
  const reader = await session.connection.runAndReadAll("SELECT current_setting('threads')::INTEGER AS t");
  return Number(reader.getRowObjectsJS()[0]!['t']);
}

describe('DuckDB session threads', () => {
  it('adds one thread for a query that calls JS, and restores the count after it, even when it fails', async () => {
    const session = await openDuckSession(hostWith({}));
    try {
      const cores = Math.min(availableParallelism(), 8);
      expect(await threads(session)).toBe(cores);
      expect(await session.withJsCallThreads(() => threads(session))).toBe(cores + 1);
      expect(await threads(session)).toBe(cores);
      await expect(session.withJsCallThreads(() => session.connection.run('SELECT no_such_function()'))).rejects.toThrow();
      expect(await threads(session)).toBe(cores);
    } finally {
      session.close();
    }
  });

  it('keeps the thread count MLOPS_DUCKDB_THREADS sets', async () => {
    const session = await openDuckSession(hostWith({ MLOPS_DUCKDB_THREADS: '1' }));
    try {
      expect(await threads(session)).toBe(1);
      expect(await session.withJsCallThreads(() => threads(session))).toBe(1);
    } finally {
      session.close();
    }
  });
});
