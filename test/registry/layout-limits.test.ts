// Threat: a layout directory committed in a pull request with a huge index.json, or a manifest
// entry declaring a huge size, makes a reader buffer it. Both are refused before reading.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveModelReference } from '../../shared/registry/resolve.js';
import { createRecordingHost } from '../support/recording-host.js';
import { runAction } from '../support/run-action.js';
import { MODEL, makeWorkspace } from '../register/workspace.js';

describe('layout limits', () => {
  it('an index.json larger than any real index is refused before it is read (sparse file)', async () => {
    const { cwd } = makeWorkspace({ name: 'churn' });
    expect((await runAction('register', { cwd, inputs: { model: MODEL } })).code).toBe(0);
    truncateSync(join(cwd, '.mlops/registry/index.json'), 600 * 1024 * 1024);
    await expect(resolveModelReference(cwd, '.mlops/registry:churn:v1', createRecordingHost({ cwd }))).rejects.toThrow(/index\.json is 629,145,600 bytes, more than/);
  });

  it('a manifest entry declaring a huge size is refused before the blob is read', async () => {
    const { cwd } = makeWorkspace({ name: 'churn' });
    expect((await runAction('register', { cwd, inputs: { model: MODEL } })).code).toBe(0);
    const indexFile = join(cwd, '.mlops/registry/index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    index.manifests[0].size = 2 ** 40;
    writeFileSync(indexFile, JSON.stringify(index));
    await expect(resolveModelReference(cwd, '.mlops/registry:churn:v1', createRecordingHost({ cwd }))).rejects.toThrow(/declares 1099511627776 bytes, more than the 4194304 read into memory/);
  });
});
