/**
 * `mlops serve`: the Open Inference Protocol (v2) server for ONNX files and registered models.
 * Flags override mlops.yml's `serve:` section, which overrides the defaults. SIGTERM or SIGINT
 * drains in-flight requests and exits 0.
 */
import { loadConfig } from '../../shared/config/load.js';
import { UserError } from '../../shared/errors/user-error.js';
import { UsageError } from '../usage-error.js';
import { LocalHost } from '../../shared/host/local-host.js';
import { onTerminationSignals } from '../../shared/process/termination-signals.js';
import { DEFAULTS, type ServeOptions } from '../../shared/serve/options.js';
import { startServer } from '../../shared/serve/start.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from './index.js';

export const SERVER_VERSION = '0.1.0';

const USAGE = `Usage: mlops serve [--model REF]... [options]
Serves ONNX models over the Open Inference Protocol (v2 REST). See docs/serve.md.
  --model REF              an ONNX file or a registry reference (.mlops/registry:prod,
                           oci://host/repo:tag, …@sha256:…); NAME=REF names it. Repeatable.
                           Without any, the server starts empty and waits for loads.
  --host ADDR              address to bind (default 127.0.0.1)
  --port N                 port (default 8080; 0 picks a free one)
  --admin-token-file F     enables the admin endpoints (load, unload, index, traffic)
  --infer-token-file F     requires a bearer token for data-plane calls
  --capture DIR            append sampled requests/responses as JSON Lines under DIR
  --capture-sample X       fraction of requests captured (default 1)
  --max-batch N            rows per merged session.run (default 64)
  --batch-wait-ms N        how long an idle model waits to fill a batch (default 0)
  --max-body BYTES         largest request body (default 64 MiB)
  --max-tensor-bytes BYTES largest input tensor, elements × element size (default 256 MiB)
  --max-in-flight N        concurrent inference requests before 429 (default 1024)
  --config FILE            mlops.yml with a serve: section (default mlops.yml if present)
  --insecure               plain HTTP to a loopback registry
Registry credentials: MLOPS_REGISTRY_USERNAME / MLOPS_REGISTRY_PASSWORD.`;

const FLAGS = new Set(['model', 'host', 'port', 'admin-token-file', 'infer-token-file', 'capture', 'capture-sample', 'max-batch', 'batch-wait-ms', 'max-body', 'max-tensor-bytes', 'max-in-flight', 'config', 'insecure', 'help']);

function number(args: ParsedArgs, flag: string, options: { min: number; max: number; integer?: boolean }): number | undefined {
  const raw = args.flags[flag];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < options.min || value > options.max || (options.integer !== false && !Number.isInteger(value))) {
    throw new UserError(`--${flag} ${JSON.stringify(raw)} is not ${options.integer !== false ? 'an integer' : 'a number'} from ${options.min} to ${options.max}`, { hint: 'Run `mlops serve --help`.' });
  }
  return value;
}

export async function serveOptions(args: ParsedArgs, cwd: string): Promise<ServeOptions> {
  for (const flag of Object.keys(args.flags)) {
    if (!FLAGS.has(flag)) throw new UsageError(`mlops serve: unknown option --${flag}`, { hint: 'Run `mlops serve --help`.' });
  }
  if (args.positionals.length) throw new UsageError(`mlops serve: unexpected argument "${args.positionals[0]}"`, { hint: 'Give models with --model REF.' });
  const { config } = await loadConfig(cwd, args.flags.config ?? '');
  const section = config.serve ?? {};
  const models = args.all?.model ?? section.models ?? [];
  const captureDir = args.flags.capture ?? section.capture?.dir;
  return {
    host: args.flags.host ?? section.host ?? DEFAULTS.host,
    port: number(args, 'port', { min: 0, max: 65_535 }) ?? section.port ?? DEFAULTS.port,
    models,
    adminTokenFile: args.flags['admin-token-file'] ?? section.admin_token_file,
    inferTokenFile: args.flags['infer-token-file'] ?? section.infer_token_file,
    capture: captureDir
      ? {
          dir: captureDir,
          sample: number(args, 'capture-sample', { min: 0, max: 1, integer: false }) ?? section.capture?.sample ?? DEFAULTS.captureSample,
          maxFileBytes: section.capture?.max_file_bytes ?? DEFAULTS.captureMaxFileBytes,
        }
      : undefined,
    maxBatch: number(args, 'max-batch', { min: 1, max: 65_536 }) ?? section.max_batch ?? DEFAULTS.maxBatch,
    batchWaitMs: number(args, 'batch-wait-ms', { min: 0, max: 1000, integer: false }) ?? section.batch_wait_ms ?? DEFAULTS.batchWaitMs,
    maxBody: number(args, 'max-body', { min: 1024, max: 4 * 1024 ** 3 }) ?? section.max_body ?? DEFAULTS.maxBody,
    maxTensorBytes: number(args, 'max-tensor-bytes', { min: 1024, max: 4 * 1024 ** 3 }) ?? section.max_tensor_bytes ?? DEFAULTS.maxTensorBytes,
    maxJsonDepth: section.max_json_depth ?? DEFAULTS.maxJsonDepth,
    maxInFlight: number(args, 'max-in-flight', { min: 1, max: 1_000_000 }) ?? section.max_in_flight ?? DEFAULTS.maxInFlight,
    maxQueueRows: section.max_queue_rows ?? DEFAULTS.maxQueueRows,
    drainSeconds: section.drain_seconds ?? DEFAULTS.drainSeconds,
    insecure: args.flags.insecure === 'true',
  };
}

export const serveCommand: Command = {
  async run(args, io) {
    if (args.flags.help === 'true') {
      io.out(USAGE);
      return 0;
    }
    const options = await serveOptions(args, io.cwd);
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: 'mlops-out/serve-summary.md', out: io.out, err: io.err });
    const log = (line: string) => host.info(line);
    const server = await startServer(options, { cwd: io.cwd, env: io.env, host, log, serverVersion: SERVER_VERSION });
    await new Promise<void>((resolve) => {
      const dispose = onTerminationSignals((signal) => {
        dispose();
        log(`serve: ${signal}: draining in-flight requests`);
        void server.stop().then(() => {
          log('serve: stopped');
          resolve();
        });
      });
    });
    return 0;
  },
};
