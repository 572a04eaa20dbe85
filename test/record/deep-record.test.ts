// Threat: the run record travels from the training job as an artifact, so training code can
// write it. One nested 100 000 levels deep (in `params`, say) overflowed the stack wherever it
// was walked; it is now one clear error naming the file and line, before JSON.parse.
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors/user-error.js';
import { newRecord, parseRecord } from '../../shared/record/record.js';
import { lineDeeperThan } from '../../shared/record/json-limits.js';

describe('a deeply nested run record', () => {
  it('is refused with file and line', () => {
    const deep = 100_000;
    const text = JSON.stringify(newRecord(), null, 2).replace(/\n}$/, `,\n  "extra":\n ${'['.repeat(deep)}${']'.repeat(deep)}\n}`);
    let error: unknown;
    try {
      parseRecord(text, 'mlops-out/mlops-run.json');
    } catch (e) {
      error = e;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('nested deeper than 64 levels');
    expect((error as { where?: { line?: number } }).where?.line).toBe(8);
  });

  it('counts brackets inside strings as text', () => {
    expect(lineDeeperThan(JSON.stringify({ s: '['.repeat(1000) + '\\"' }), 64)).toBeUndefined();
    expect(parseRecord(JSON.stringify({ ...newRecord(), note: '[['.repeat(500) }), 'r.json').kind).toBe('mlops-run');
  });
});
