// Threat: concurrent remote registrations both report the same version, and an "immutable"
// version tag is overwritten. Many registrations at once against the real docker-registry:
// every reported version is distinct, each tag points at its reporter's digest, and a
// registration that cannot exclude a race fails instead of reporting success.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryHttp } from '../../shared/registry/remote/http.js';
import { RemoteRepository } from '../../shared/registry/remote/repository.js';
import { startHostileServer } from '../registry/hostile-server.js';
import { startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { runAction } from '../support/run-action.js';
import { bigOnnxModel, MODEL, makeWorkspace } from './workspace.js';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

async function tagDigest(repository: string, tag: string): Promise<string | null> {
  const response = await fetch(`http://${registry.host}/v2/${repository}/manifests/${tag}`, { method: 'HEAD', headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } });
  return response.ok ? response.headers.get('docker-content-digest') : null;
}

async function tags(repository: string): Promise<string[]> {
  const response = await fetch(`http://${registry.host}/v2/${repository}/tags/list`);
  return response.ok ? (((await response.json()) as { tags: string[] | null }).tags ?? []) : [];
}

const ROUNDS = 2;
const PROCESSES = 8;

describe('concurrent remote registrations', () => {
  it(`${PROCESSES} registrations at once, ${ROUNDS} rounds: distinct versions, each tag holding its reporter's digest`, async () => {
    const reported: Array<{ version: string; digest: string }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const workspaces = Array.from({ length: PROCESSES }, () => makeWorkspace({ name: 'race', model: bigOnnxModel(2000) }));
      const results = await Promise.all(workspaces.map(({ cwd }) => runAction('register', { cwd, inputs: { model: MODEL, registry: `oci://${registry.host}/team`, insecure: 'true', aliases: 'candidate' } })));
      let succeeded = 0;
      for (const result of results) {
        if (result.code === 0) {
          succeeded++;
          reported.push({ version: result.outputs.version!, digest: result.outputs.digest! });
        } else {
          // Losing is allowed; reporting success without holding the version is not.
          expect(result.stdout).toMatch(/could not assign a version|overwritten by a concurrent registration|could not register/);
        }
      }
      expect(succeeded, results.map((r) => r.stdout).join('\n')).toBeGreaterThan(0);
    }
    const versions = reported.map((r) => r.version);
    expect(new Set(versions).size, `versions reported: ${versions.join(', ')}`).toBe(versions.length);
    for (const { version, digest } of reported) expect(await tagDigest('team/race', version), version).toBe(digest);
    // Claims are removed where the registry allows deletes.
    expect((await tags('team/race')).filter((tag) => tag.startsWith('mlops-claim-'))).toEqual([]);
  }, 240_000);
});

describe('conditional tag writes', () => {
  it('asks the registry not to overwrite a version tag, and treats 412 as a lost race', async () => {
    const seen: Array<string | undefined> = [];
    const server = await startHostileServer((req, res) => {
      seen.push(req.headers['if-none-match'] as string | undefined);
      req.resume();
      req.on('end', () => {
        res.writeHead(req.url!.endsWith('/manifests/v1') ? 412 : 201);
        res.end();
      });
    });
    try {
      const repository = new RemoteRepository(new RegistryHttp({ host: server.host, insecure: true }), 'team/race');
      const manifest = Buffer.from('{}');
      expect(await repository.putManifest('v1', manifest, { ifAbsent: true })).toBe('taken');
      expect(await repository.putManifest('v2', manifest, { ifAbsent: true })).toBe('stored');
      expect(await repository.putManifest('candidate', manifest)).toBe('stored');
      expect(seen).toEqual(['*', '*', undefined]);
    } finally {
      await server.stop();
    }
  });
});
