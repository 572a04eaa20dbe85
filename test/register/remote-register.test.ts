// register against a real OCI registry (Debian's docker-registry), checked with skopeo.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, skopeo, startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { runAction } from '../support/run-action.js';
import { startFaultProxy } from './fault-proxy.js';
import { bigOnnxModel, MODEL, makeWorkspace, sha256 } from './workspace.js';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

const inspect = (host: string, ref: string) => skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/${ref}`]);
const tagsOf = async (host: string, repository: string): Promise<string[]> => {
  const response = await fetch(`http://${host}/v2/${repository}/tags/list`);
  if (response.status === 404) return [];
  return ((await response.json()) as { tags: string[] | null }).tags ?? [];
};

function register(cwd: string, host: string, inputs: Record<string, string> = {}) {
  return runAction('register', { cwd, inputs: { model: MODEL, registry: `oci://${host}/team`, insecure: 'true', ...inputs } });
}

describe('register into a remote OCI registry', () => {
  it('stores a version skopeo can read, whose model blob has the model file\'s sha256; the next one is v2 and aliases move', async () => {
    const { cwd, modelSha } = makeWorkspace({ name: 'alpha', profile: true });
    const first = await register(cwd, registry.host, { aliases: 'candidate' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs.version).toBe('v1');
    expect(first.outputs.ref).toBe(`${registry.host}/team/alpha:v1@${first.outputs.digest}`);

    const raw = inspect(registry.host, 'team/alpha:v1');
    expect(`sha256:${createHash('sha256').update(raw).digest('hex')}`).toBe(first.outputs.digest);
    const manifest = JSON.parse(raw) as { artifactType: string; layers: Array<{ mediaType: string; digest: string; annotations: Record<string, string> }>; annotations: Record<string, string> };
    expect(manifest.artifactType).toBe('application/vnd.cncf.model.manifest.v1+json');
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.cncf.model.weight.v1.raw',
      'application/vnd.mlops-actions.model-card.v1+markdown',
      'application/vnd.mlops-actions.run-record.v1+json',
      'application/vnd.mlops-actions.data-profile.v1+json',
    ]);
    expect(manifest.layers[0]!.digest).toBe(`sha256:${modelSha}`);
    expect(manifest.annotations['org.opencontainers.image.version']).toBe('v1');
    expect(manifest.annotations['io.mlops-actions.gate.verdict']).toBe('pass');
    expect(manifest.annotations['io.mlops-actions.data.fingerprint']).toBe('sha256:' + 'ab'.repeat(32));
    expect(manifest.annotations['org.opencontainers.image.revision']).toBe('0123456789abcdef0123456789abcdef01234567');
    expect(JSON.parse(manifest.annotations['io.mlops-actions.metrics']!)).toEqual({ accuracy: 0.953, roc_auc: 0.991 });

    // The blob, fetched back over the plain distribution API, is the model file.
    const blob = Buffer.from(await (await fetch(`${registry.url}/v2/team/alpha/blobs/${manifest.layers[0]!.digest}`)).arrayBuffer());
    expect(createHash('sha256').update(blob).digest('hex')).toBe(modelSha);

    const record = JSON.parse(readFileSync(join(cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.registry).toMatchObject({ version: 'v1', digest: first.outputs.digest, reference: first.outputs.ref, aliases: ['candidate'] });

    // A new model: v2; the alias moves to it, v1 stays where it was.
    const second = makeWorkspace({ name: 'alpha', model: bigOnnxModel(2048) });
    const next = await register(second.cwd, registry.host, { aliases: 'candidate' });
    expect(next.code).toBe(0);
    expect(next.outputs.version).toBe('v2');
    expect(digestOf(inspect(registry.host, 'team/alpha:candidate'))).toBe(next.outputs.digest);
    expect(digestOf(inspect(registry.host, 'team/alpha:v1'))).toBe(first.outputs.digest);
    // latest is not a stored tag.
    expect((await tagsOf(registry.host, 'team/alpha')).sort()).toEqual(['candidate', 'v1', 'v2']);
  });

  it('refuses to register an existing version again and leaves it untouched', async () => {
    const { cwd } = makeWorkspace({ name: 'beta' });
    const first = await register(cwd, registry.host, { version: 'v7' });
    expect(first.code).toBe(0);
    const other = makeWorkspace({ name: 'beta', model: bigOnnxModel(1024) });
    const again = await register(other.cwd, registry.host, { version: 'v7' });
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/beta:v7 already exists/);
    expect(digestOf(inspect(registry.host, 'team/beta:v7'))).toBe(first.outputs.digest);
    // An alias may not take over a version's name either.
    const alias = await register(other.cwd, registry.host, { aliases: 'v7' });
    expect(alias.code).toBe(1);
    expect(alias.stdout).toMatch(/looks like a version/);
  });

  it('refuses a failed gate unless a force-reason is given, which is stored in the version', async () => {
    const { cwd } = makeWorkspace({ name: 'gamma', gate: 'fail' });
    const refused = await register(cwd, registry.host);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/refusing to register gamma: the gate verdict is "fail"/);
    expect(await tagsOf(registry.host, 'team/gamma')).toEqual([]);

    const forced = await register(cwd, registry.host, { 'force-reason': 'hotfix approved in INC-42' });
    expect(forced.code).toBe(0);
    const manifest = JSON.parse(inspect(registry.host, 'team/gamma:v1')) as { annotations: Record<string, string> };
    expect(manifest.annotations['io.mlops-actions.force-reason']).toBe('hotfix approved in INC-42');
    expect(manifest.annotations['io.mlops-actions.gate.verdict']).toBe('fail');
    expect(JSON.parse(readFileSync(join(cwd, 'mlops-out/mlops-run.json'), 'utf8')).registry.force_reason).toBe('hotfix approved in INC-42');
  });

  it('refuses a record whose gate evaluated a different model', async () => {
    const { cwd } = makeWorkspace({ name: 'delta', evaluatedSha: 'f'.repeat(64) });
    const result = await register(cwd, registry.host);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/the gate evaluated a different model/);
  });

  it('resumes a chunked upload after a failed and a dropped chunk, and the blob is whole', async () => {
    const model = bigOnnxModel(600_000);
    const { cwd, modelSha } = makeWorkspace({ name: 'epsilon', model, config: 'model:\n  name: epsilon\nregistry:\n  upload_chunk_bytes: 131072\n' });
    let patches = 0;
    const proxy = await startFaultProxy(registry.host, (request) => {
      if (request.method !== 'PATCH') return undefined;
      patches++;
      if (patches === 2) return 'fail';
      if (patches === 4) return 'forward-then-drop';
      return undefined;
    });
    try {
      const result = await register(cwd, proxy.host);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/asking the registry where to resume/);
      expect(proxy.seen.filter((r) => r.method === 'PATCH').length).toBeGreaterThan(5);
      const manifest = JSON.parse(inspect(registry.host, 'team/epsilon:v1')) as { layers: Array<{ digest: string }> };
      expect(manifest.layers[0]!.digest).toBe(`sha256:${modelSha}`);
      expect(sha256(registry.blobDataPath(modelSha))).toBe(modelSha);
    } finally {
      await proxy.stop();
    }
  });

  it('leaves no visible version when the registry fails mid-upload', async () => {
    const { cwd } = makeWorkspace({ name: 'zeta', model: bigOnnxModel(400_000), config: 'model:\n  name: zeta\nregistry:\n  upload_chunk_bytes: 65536\n' });
    // Every chunk after the first fails: the upload gives up.
    let patches = 0;
    const proxy = await startFaultProxy(registry.host, (request) => (request.method === 'PATCH' && ++patches > 1 ? 'fail' : undefined));
    try {
      const result = await register(cwd, proxy.host);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/cannot upload blob .*HTTP 500/);
      expect(result.stdout).not.toMatch(/registered /);
    } finally {
      await proxy.stop();
    }
    expect(await tagsOf(registry.host, 'team/zeta')).toEqual([]);

    // The manifest PUT for the tag fails: blobs and the untagged manifest are there, no version.
    const tagPut = await startFaultProxy(registry.host, (request) => (request.method === 'PUT' && /\/manifests\/v[0-9]+$/.test(request.path) ? 'fail' : undefined));
    try {
      const result = await register(cwd, tagPut.host);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/cannot store the manifest team\/zeta:v1 .*HTTP 500/);
    } finally {
      await tagPut.stop();
    }
    expect(await tagsOf(registry.host, 'team/zeta')).toEqual([]);

    // Once the registry is healthy, the same registration completes as v1.
    const ok = await register(cwd, registry.host);
    expect(ok.code).toBe(0);
    expect(ok.outputs.version).toBe('v1');
  });

  it('abandons the upload when the model file changes while it is being uploaded', async () => {
    const { cwd } = makeWorkspace({ name: 'theta', model: bigOnnxModel(400_000), config: 'model:\n  name: theta\nregistry:\n  upload_chunk_bytes: 65536\n' });
    let patches = 0;
    // While the second chunk is in flight, something rewrites the model file.
    const proxy = await startFaultProxy(registry.host, (request) => {
      if (request.method === 'PATCH' && ++patches === 2) writeFileSync(join(cwd, MODEL), bigOnnxModel(400_000));
      return undefined;
    });
    try {
      const result = await register(cwd, proxy.host);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/the model file changed while it was being uploaded/);
    } finally {
      await proxy.stop();
    }
    expect(await tagsOf(registry.host, 'team/theta')).toEqual([]);
  });

  it('explains a registry that is down, a malformed registry and a bad name', async () => {
    const { cwd } = makeWorkspace({ name: 'eta' });
    const closed = `127.0.0.1:${await freePort()}`;
    const down = await register(cwd, closed);
    expect(down.code).toBe(1);
    expect(down.stdout).toContain(`${closed} is unreachable (ECONNREFUSED)`);
    const malformed = await runAction('register', { cwd, inputs: { model: MODEL, registry: 'oci://host:99999/x' } });
    expect(malformed.stdout).toMatch(/port 99999 is out of range/);
    const slash = await register(cwd, registry.host, { name: 'team/model' });
    expect(slash.stdout).toMatch(/model name "team\/model" contains a slash/);
    const dots = await register(cwd, registry.host, { name: 'a..b' });
    expect(dots.stdout).toMatch(/contains "\.\."/);
    const insecure = await runAction('register', { cwd, inputs: { model: MODEL, registry: 'oci://ghcr.io/org', insecure: 'true' } });
    expect(insecure.stdout).toMatch(/plain HTTP\) is allowed for loopback registries only/);
    for (const result of [down, malformed, slash, dots, insecure]) {
      expect(result.code).toBe(1);
      expect(result.stdout).not.toMatch(/unexpected error|\n\s+at /);
    }
  });
});

function digestOf(raw: string): string {
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
