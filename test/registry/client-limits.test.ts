// Threats: a registry that paginates forever, sends a huge manifest, a blob longer than its
// descriptor, or answers 429 — and a token inside a registry URL echoed in an error.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '../../shared/registry/digest.js';
import { parseModelReference, parseRegistryLocation } from '../../shared/registry/reference.js';
import { RegistryHttp } from '../../shared/registry/remote/http.js';
import { MAX_TAG_PAGES, RemoteRepository } from '../../shared/registry/remote/repository.js';
import { startHostileServer, streamFiller, type HostileServer } from './hostile-server.js';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function repositoryAt(host: string, log?: (message: string) => void): RemoteRepository {
  return new RemoteRepository(new RegistryHttp({ host, insecure: true, retryDelayMs: 1, log }), 'ml/churn');
}

describe('registry client limits', () => {
  it('an endless tag pagination stops after a bounded number of pages', async () => {
    server = await startHostileServer((req, res, count) => {
      res.writeHead(200, { 'content-type': 'application/json', link: `</v2/ml/churn/tags/list?n=1000&last=t${count}>; rel="next"` });
      res.end(JSON.stringify({ name: 'ml/churn', tags: [`t${count}`] }));
    });
    await expect(repositoryAt(server.host).tags()).rejects.toThrow(new RegExp(`more than ${MAX_TAG_PAGES} pages`));
    expect(server.requests.length).toBe(MAX_TAG_PAGES);
  });

  it('a tag pagination loop, or a next link to another origin, is refused', async () => {
    server = await startHostileServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', link: '</v2/ml/churn/tags/list?n=1000>; rel="next"' });
      res.end(JSON.stringify({ name: 'ml/churn', tags: ['a'] }));
    });
    await expect(repositoryAt(server.host).tags()).rejects.toThrow(/links back to a page it already sent/);
    await server.stop();
    server = await startHostileServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', link: '<http://127.0.0.2:1/v2/ml/churn/tags/list?n=1000>; rel="next"' });
      res.end(JSON.stringify({ name: 'ml/churn', tags: ['a'] }));
    });
    await expect(repositoryAt(server.host).tags()).rejects.toThrow(/links to another origin/);
  });

  it('a huge manifest is refused before it is buffered: by Content-Length, and by counting a chunked body', async () => {
    server = await startHostileServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'content-length': String(600 * 1024 * 1024) });
      res.write('{');
    });
    await expect(repositoryAt(server.host).manifest('v1')).rejects.toThrow(/larger than 4,194,304 bytes/);
    await server.stop();

    let sent: Promise<number> | undefined;
    server = await startHostileServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      sent = streamFiller(res, 600 * 1024 * 1024);
    });
    await expect(repositoryAt(server.host).manifest('v1')).rejects.toThrow(/larger than 4,194,304 bytes/);
    // The client hung up long before the 600 MiB were sent.
    expect(await sent!).toBeLessThan(100 * 1024 * 1024);
  });

  it('a blob is read no further than its declared size, and nothing is written', async () => {
    const declared = Buffer.from('{"small":true}');
    let sent: Promise<number> | undefined;
    server = await startHostileServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      sent = streamFiller(res, 600 * 1024 * 1024);
    });
    const target = join(mkdtempSync(join(tmpdir(), 'blob-limit-')), 'model.onnx');
    const descriptor = { mediaType: 'application/octet-stream', digest: digestOf(declared), size: declared.length };
    await expect(repositoryAt(server.host).blobToFile(descriptor, target)).rejects.toThrow(/longer than the 14 bytes its descriptor declares/);
    expect(existsSync(target)).toBe(false);
    expect(await sent!).toBeLessThan(100 * 1024 * 1024);
    await expect(repositoryAt(server.host).blobBytes(descriptor)).rejects.toThrow(/larger than 14 bytes/);
    await expect(repositoryAt(server.host).blobBytes({ ...descriptor, size: 2 ** 40 })).rejects.toThrow(/declares 1099511627776 bytes/);
  });

  it('a plain 429 is retried after its Retry-After; one asking for too long fails at once', async () => {
    server = await startHostileServer((req, res, count) => {
      if (count === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: 'ml/churn', tags: ['v1'] }));
    });
    const log: string[] = [];
    expect(await repositoryAt(server.host, (m) => log.push(m)).tags()).toEqual(['v1']);
    expect(log.join('\n')).toMatch(/HTTP 429 \(too many requests\), retrying in 1\.0 s/);
    await server.stop();

    server = await startHostileServer((req, res) => {
      res.writeHead(429, { 'retry-after': '3600' });
      res.end();
    });
    await expect(repositoryAt(server.host).tags()).rejects.toThrow(/asks to wait 3600 s \(more than the 60 s this step waits\)/);
    expect(server.requests.length).toBe(1);
  });

  it('oci://user:token@host is never echoed with its token', () => {
    for (const parse of [() => parseRegistryLocation('oci://bot:s3cr3t-token@ghcr.io/org'), () => parseModelReference('oci://bot:s3cr3t-token@ghcr.io/org/churn:prod')]) {
      let message = '';
      try {
        parse();
      } catch (error) {
        message = `${(error as Error).message} ${(error as { hint?: string }).hint ?? ''}`;
      }
      expect(message).toMatch(/carries credentials in the URL/);
      expect(message).not.toContain('s3cr3t');
    }
  });
});
