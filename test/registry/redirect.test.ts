// Held threat, kept held: a registry that redirects a blob download to another origin (as
// registries do to object storage) must not hand that origin the registry credentials; the
// blob is still verified by its digest.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '../../shared/registry/digest.js';
import { RegistryHttp } from '../../shared/registry/remote/http.js';
import { RemoteRepository } from '../../shared/registry/remote/repository.js';
import { startHostileServer, type HostileServer } from './hostile-server.js';

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

describe('cross-origin redirects', () => {
  it('a blob redirected to another origin is fetched without the registry credentials, and verified', async () => {
    const blob = Buffer.from('weights');
    const seenAuthorization: Array<string | undefined> = [];
    const storage = await startHostileServer((req, res) => {
      seenAuthorization.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(blob);
    });
    servers.push(storage);
    const registry = await startHostileServer((req, res) => {
      if (!req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' });
        return void res.end();
      }
      res.writeHead(307, { location: `http://${storage.host}/bucket/blob` });
      res.end();
    });
    servers.push(registry);
    const repository = new RemoteRepository(new RegistryHttp({ host: registry.host, insecure: true, credentials: { username: 'bot', password: 'registry-secret' } }), 'ml/churn');
    const target = join(mkdtempSync(join(tmpdir(), 'redirect-')), 'model.onnx');
    await repository.blobToFile({ mediaType: 'application/octet-stream', digest: digestOf(blob), size: blob.length }, target);
    expect(readFileSync(target)).toEqual(blob);
    expect(seenAuthorization).toEqual([undefined]);
  });
});
