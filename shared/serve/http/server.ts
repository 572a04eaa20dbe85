/**
 * The HTTP server: one dispatch per request (route, method, auth, handler, error), the
 * in-flight limit (429 beyond it), and a drain that stops accepting, lets in-flight requests
 * finish, and closes idle keep-alive connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpError } from '../http-error.js';
import { checkAdmin, checkInfer, type Tokens } from './auth.js';
import * as handlers from './handlers.js';
import { sendError, sendJson } from './respond.js';
import { METHODS, route, type Route } from './routes.js';

export class InferenceServer {
  readonly http: Server;
  private inFlight = 0;
  private inferInFlight = 0;
  private draining = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly context: handlers.ServerContext,
    private readonly tokens: Tokens,
  ) {
    this.http = createServer({ keepAliveTimeout: 5_000, requestTimeout: 60_000, headersTimeout: 20_000 }, (request, response) => {
      void this.handle(request, response);
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        const address = this.http.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Stops accepting, waits for in-flight requests (at most `seconds`), closes connections. */
  async drain(seconds: number): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeIdleConnections();
    if (this.inFlight > 0) {
      await Promise.race([new Promise<void>((resolve) => this.idle.push(resolve)), new Promise((resolve) => setTimeout(resolve, seconds * 1000).unref())]);
    }
    this.http.closeAllConnections();
    await closed;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.inFlight++;
    if (this.draining) response.setHeader('connection', 'close');
    let target: Route = { kind: 'not-found' };
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      target = route(url.pathname);
      await this.dispatch(target, request, response);
    } catch (error) {
      sendError(response, error, this.context.log);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private async dispatch(target: Route, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (target.kind === 'not-found') throw new HttpError(404, `no such endpoint: ${request.method} ${(request.url ?? '').split('?')[0]!.slice(0, 200)}`);
    const allowed = METHODS[target.kind];
    if (!allowed.includes(request.method ?? '')) throw new HttpError(405, `${target.kind} takes ${allowed.join(' or ')}`, { allow: allowed.join(', ') });
    const { context, tokens } = this;
    switch (target.kind) {
      case 'live':
        return sendJson(response, 200, { live: true });
      case 'ready': {
        // Health probes stay open (a probe rarely carries a token, and readiness reveals nothing).
        const ready = !this.draining && context.table.ready();
        return sendJson(response, ready ? 200 : 503, ready ? { ready } : { ready, error: this.draining ? 'the server is shutting down' : 'no model version is ready yet' });
      }
      case 'server-metadata':
        checkInfer(request, tokens);
        return handlers.serverMetadata(context, response);
      case 'metrics': {
        checkInfer(request, tokens);
        const text = await context.metrics.text();
        response.writeHead(200, { 'content-type': context.metrics.contentType, 'content-length': Buffer.byteLength(text) });
        response.end(text);
        return;
      }
      case 'model-metadata':
        checkInfer(request, tokens);
        return handlers.modelMetadata(context, response, target.name, target.version);
      case 'model-ready':
        checkInfer(request, tokens);
        return handlers.modelReady(context, response, target.name, target.version);
      case 'infer':
        return this.infer(request, response, target.name, target.version);
      case 'traffic':
        checkAdmin(request, tokens);
        return handlers.traffic(context, request, response, target.name);
      case 'load':
        checkAdmin(request, tokens);
        return handlers.load(context, request, response, target.name);
      case 'unload':
        checkAdmin(request, tokens);
        return handlers.unload(context, request, response, target.name);
      case 'repository-index':
        checkAdmin(request, tokens);
        return handlers.repositoryIndex(context, request, response);
    }
  }

  /** Inference with its metrics: every request counted once, by the version that answered. */
  private async infer(request: IncomingMessage, response: ServerResponse, name: string, version: string | undefined): Promise<void> {
    const started = process.hrtime.bigint();
    // Labelled by model only when it is one being served, so unknown names add no series.
    const outcome: handlers.InferOutcome = { model: this.context.table.has(name) ? name : '', version: '' };
    const { metrics } = this.context;
    metrics.inFlight.inc();
    this.inferInFlight++;
    let code = 200;
    try {
      checkInfer(request, this.tokens);
      if (this.draining) throw new HttpError(503, 'the server is shutting down', { 'retry-after': '1', connection: 'close' });
      if (this.inferInFlight > this.context.options.maxInFlight) {
        throw new HttpError(429, `too many requests in flight (over ${this.context.options.maxInFlight}); retry shortly`, { 'retry-after': '1' });
      }
      await handlers.infer(this.context, request, response, name, version, outcome);
    } catch (error) {
      code = sendError(response, error, this.context.log);
    } finally {
      this.inferInFlight--;
      metrics.inFlight.dec();
      metrics.request(outcome.model, outcome.version, code, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
}
