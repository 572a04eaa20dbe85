/**
 * The fake cluster's data plane: what KServe's modelcar storage, the predictor pods and the
 * Knative route do, done with real parts on loopback.
 *   - Storage: the revision's storageUri must be `oci://host/repo@sha256:…`; the image is
 *     pulled with skopeo (an independent OCI client) and models/model.onnx is taken from its
 *     layers with tar, as the modelcar sidecar exposes /models to the predictor.
 *   - Predictor: one `mlops serve --model <isvc name>=/mnt/models/model.onnx` child process per
 *     revision (the served model is named after the InferenceService, as KServe's v2 runtimes
 *     do); its URL is the revision's tag URL.
 *   - Route: one loopback proxy for status.url that splits requests between revisions by the
 *     traffic percentages (smooth weighted round robin, so a split is exact over a window).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeProcess } from '../serve-process.js';

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout)));
  });
}

export interface Revision {
  name: string;
  url: string;
  stop(): Promise<void>;
}

/** Pulls the modelcar image and returns the path of models/model.onnx in it. */
export async function pullModelcar(storageUri: string, work: string): Promise<string> {
  const match = /^oci:\/\/([^/]+)\/(.+)@(sha256:[0-9a-f]{64})$/.exec(storageUri);
  if (!match) throw new Error(`storageUri ${storageUri} is not an oci:// reference pinned by digest`);
  const image = join(work, 'image');
  await run('skopeo', ['copy', '--src-tls-verify=false', `docker://${match[1]}/${match[2]}@${match[3]}`, `dir:${image}`]);
  const manifest = JSON.parse(await readFile(join(image, 'manifest.json'), 'utf8')) as { layers: { digest: string }[] };
  const models = join(work, 'mnt');
  await run('mkdir', ['-p', models]);
  // Layers apply in order: the last one holding models/model.onnx wins.
  for (const layer of manifest.layers) {
    const file = join(image, layer.digest.slice('sha256:'.length));
    const listing = (await run('tar', ['-tf', file])).split('\n');
    if (listing.includes('models/model.onnx')) await run('tar', ['-xf', file, '-C', models, 'models/model.onnx']);
  }
  const path = join(models, 'models', 'model.onnx');
  if (!(await stat(path).catch(() => undefined))) throw new Error(`the image ${storageUri} has no /models/model.onnx`);
  return path;
}

export async function startRevision(name: string, servedModel: string, storageUri: string): Promise<Revision> {
  const work = await mkdtemp(join(tmpdir(), `fake-kube-${name}-`));
  let serve: ServeProcess | undefined;
  try {
    const model = await pullModelcar(storageUri, work);
    serve = await startServe({ cwd: work, args: ['--model', `${servedModel}=${model}`] });
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return {
    name,
    url: serve.url,
    async stop() {
      await serve!.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** status.url: requests split across revisions by percent. */
export class Router {
  private server: Server | undefined;
  private targets: { url: string; percent: number; current: number }[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const target = this.pick();
      if (!target) {
        response.writeHead(503, { 'content-type': 'text/plain' }).end('no revision has traffic');
        return;
      }
      const upstream = new URL(request.url ?? '/', target);
      const forward = httpRequest(upstream, { method: request.method, headers: { ...request.headers, host: upstream.host } }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      forward.on('error', () => {
        if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
        response.end('revision unreachable');
      });
      request.pipe(forward);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  route(split: { url: string; percent: number }[]): void {
    this.targets = split.filter((t) => t.percent > 0).map((t) => ({ ...t, current: 0 }));
  }

  private pick(): string | undefined {
    if (this.targets.length === 0) return undefined;
    let best = this.targets[0]!;
    for (const t of this.targets) {
      t.current += t.percent;
      if (t.current > best.current) best = t;
    }
    best.current -= 100;
    return best.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }
}
