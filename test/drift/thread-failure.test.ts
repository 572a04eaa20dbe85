// A drift-check worker thread that dies is one clear error naming drift.threads, not an
// "unexpected error (please report it)".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureColumns } from '../../shared/drift/analyse.js';
import type { ColumnValues, LoadedSample } from '../../shared/drift/load.js';
import { isUserError } from '../../shared/errors/user-error.js';

/** An in-memory sample of numeric columns (what load.ts reads from a file). */
function sample(columns: Record<string, Float64Array>): LoadedSample {
  return {
    spec: 'memory',
    displayFiles: [],
    rows: Object.values(columns)[0]!.length,
    columns: [],
    read: async (names) => new Map(names.map((name): [string, ColumnValues] => [name, { kind: 'numeric', values: columns[name]!.slice() }])),
    batches: () => {
      throw new Error('not scored here');
    },
    close: async () => {},
  };
}

const values = (offset: number) => Float64Array.from({ length: 500 }, (_, i) => (i % 37) + offset);

describe('drift-check worker threads', () => {
  it('a thread that stops is a user error with the way round it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlops-drift-worker-'));
    writeFileSync(join(dir, 'worker.mjs'), "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const columns = [
      { name: 'a', role: 'feature' as const, numeric: true },
      { name: 'b', role: 'feature' as const, numeric: true },
    ];
    const current = sample({ a: values(1), b: values(2) });
    const reference = { kind: 'data' as const, sample: sample({ a: values(0), b: values(0) }) };
    const error = await measureColumns(current, reference, columns, {}, { threads: 2, workerEntry: pathToFileURL(join(dir, 'worker.mjs')) }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    const message = (error as { format(): string }).format();
    expect(message).toMatch(/^numeric columns: worker thread \d of 2 stopped \(exit code 3\) while running column "[ab]"\. /);
    expect(message).toContain('drift.threads: 1');
  });
});
