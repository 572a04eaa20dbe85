/**
 * register: stores the model, its card, run record and data profile as one immutable OCI
 * artifact version in a local OCI layout directory or a remote OCI registry, after checking
 * that the gate passed for this exact model (or recording why it was forced).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../../shared/config/load.js';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import { booleanInput, listInput, optionalInput, requiredInput } from '../../shared/host/inputs.js';
import { runContext } from '../../shared/record/context.js';
import { appendSection, DEFAULT_RECORD_PATH, parseRecord } from '../../shared/record/record.js';
import type { RunRecord } from '../../shared/record/schema.js';
import { code, escapeCell, table } from '../../shared/report/markdown.js';
import { digestFile, hexOf } from '../../shared/registry/digest.js';
import { OciLayout } from '../../shared/registry/layout.js';
import { ANNOTATION } from '../../shared/registry/media-types.js';
import { assertOnnxModel } from '../../shared/registry/onnx-check.js';
import { remoteHttp } from '../../shared/registry/open.js';
import { governanceAnnotations } from '../../shared/registry/governance-annotations.js';
import { cardLayer, modelLayer, profileLayer, recordLayer, type Layer, type VersionContents } from '../../shared/registry/package.js';
import {
  formatReference,
  isLoopbackHost,
  parseRegistryLocation,
  remoteRepository,
  validateAlias,
  validateModelName,
  validateTag,
  type RegistryLocation,
} from '../../shared/registry/reference.js';
import { registerIntoLayout, type Registered } from '../../shared/registry/register-layout.js';
import { registerIntoRemote } from '../../shared/registry/register-remote.js';
import { RemoteRepository } from '../../shared/registry/remote/repository.js';
import { DEFAULT_CHUNK_BYTES } from '../../shared/registry/remote/upload.js';
import type { Stage } from '../../shared/stage/definition.js';
import { gateStatus, headlineMetrics, untrustedSections } from './gate.js';

export const DEFAULT_REGISTRY = '.mlops/registry';
const DEFAULT_CARD_PATH = 'mlops-out/MODEL_CARD.md';

export interface RegisterOptions {
  modelPath: string;
  name?: string;
  registry?: string;
  version?: string;
  aliases: string[];
  recordPath: string;
  recordExplicit: boolean;
  cardPath: string;
  cardExplicit: boolean;
  requireGate: boolean;
  forceReason?: string;
  configPath: string;
  username?: string;
  password?: string;
  insecure: boolean;
}

export const registerStage: Stage<RegisterOptions> = {
  name: 'register',

  readOptions(host: Host): RegisterOptions {
    const password = optionalInput(host, 'registry-password');
    if (password) host.setSecret(password);
    const name = optionalInput(host, 'name');
    if (name) validateModelName(name);
    const version = optionalInput(host, 'version');
    if (version) validateTag(version, 'version');
    const aliases = [...new Set(listInput(host, 'aliases'))];
    for (const alias of aliases) {
      validateAlias(alias);
      if (alias === version) throw new UserError(`"${alias}" is both the version and an alias`, { where: { key: 'aliases' } });
    }
    const registry = optionalInput(host, 'registry');
    if (registry) parseRegistryLocation(registry);
    const recordPath = optionalInput(host, 'record') ?? DEFAULT_RECORD_PATH;
    const cardPath = optionalInput(host, 'model-card') ?? DEFAULT_CARD_PATH;
    return {
      modelPath: requiredInput(host, 'model'),
      name,
      registry,
      version,
      aliases,
      recordPath,
      recordExplicit: recordPath !== DEFAULT_RECORD_PATH,
      cardPath,
      cardExplicit: cardPath !== DEFAULT_CARD_PATH,
      requireGate: booleanInput(host, 'require-gate', true),
      forceReason: optionalInput(host, 'force-reason'),
      configPath: host.input('config').trim(),
      username: optionalInput(host, 'registry-username'),
      password,
      insecure: booleanInput(host, 'insecure', false),
    };
  },

  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const name = options.name ?? config.model?.name;
    if (!name) throw new UserError('no model name', { where: { key: 'name' }, hint: 'Set the `name` input, or model.name in mlops.yml.' });
    validateModelName(name, options.name ? 'name' : 'model.name');
    const location = parseRegistryLocation(options.registry ?? config.registry?.url ?? DEFAULT_REGISTRY, options.registry ? 'registry' : 'registry.url');
    if (options.insecure && location.kind === 'remote' && !isLoopbackHost(location.host)) {
      throw new UserError(`insecure (plain HTTP) is allowed for loopback registries only, not ${location.host}`, { where: { key: 'insecure' }, hint: 'Remove `insecure`; remote registries are reached over HTTPS.' });
    }

    // The model: ONNX by its bytes, hashed once; every later copy is checked against this hash.
    const modelFile = resolve(host.cwd, options.modelPath);
    await assertOnnxModel(modelFile, options.modelPath);
    const model = await digestFile(modelFile);
    const modelSha256 = hexOf(model.digest);

    const recordFile = resolve(host.cwd, options.recordPath);
    const recordBytes = await readOptional(recordFile, options.recordPath, options.recordExplicit, 'run record', 'record');
    const record = recordBytes ? parseRecord(recordBytes.toString('utf8'), options.recordPath) : undefined;

    const gate = gateStatus(record, options.recordPath, modelSha256);
    if (options.requireGate && !gate.passed) {
      if (!options.forceReason) {
        throw new UserError(`refusing to register ${name}: ${gate.reason}`, {
          where: { key: 'require-gate' },
          hint: 'Register only models that passed evaluate-gate, or give `force-reason` (it is stored in the version for auditors).',
        });
      }
      host.warning(`registering ${name} although ${gate.reason}; forced: ${options.forceReason}`);
    }

    const cardFile = resolve(host.cwd, options.cardPath);
    const cardBytes = await readOptional(cardFile, options.cardPath, options.cardExplicit, 'model card', 'model-card');
    if (!cardBytes) host.warning(`no model card at ${options.cardPath}: the version is stored without one (run model-card first).`);

    const layers: Layer[] = [modelLayer({ kind: 'file', path: modelFile, displayPath: options.modelPath, digest: model.digest, size: model.size })];
    if (cardBytes) layers.push(cardLayer(cardBytes, options.cardPath));
    if (recordBytes) layers.push(recordLayer(recordBytes));
    const profile = await readProfile(record, host);
    if (profile) layers.push(profileLayer(profile.bytes, profile.path));

    const context = runContext(host, 'register');
    const contents: VersionContents = {
      name,
      layers,
      annotations: lineageAnnotations(name, record, modelSha256, gate.verdict, options.forceReason, context, host),
      createdAt: context.at,
      revision: context.commit,
      licenses: config.model_card?.license ? [String(config.model_card.license)] : undefined,
    };

    const request = {
      version: options.version,
      aliases: options.aliases,
      onProgress: progressReporter(host, options.modelPath),
      log: (message: string) => host.info(message),
    };
    const registered = await host.group(`register ${name} in ${describe(location)}`, () => register(location, contents, request, options, config.registry?.upload_chunk_bytes, host));
    const ref = formatReference(location, name, registered.version, registered.digest);
    host.info(`registered ${ref}${options.aliases.length ? ` (aliases: ${options.aliases.join(', ')})` : ''}`);

    if (record || !options.recordExplicit) {
      await appendSection(
        recordFile,
        'registry',
        {
          registry: options.registry ?? config.registry?.url ?? DEFAULT_REGISTRY,
          name,
          version: registered.version,
          digest: registered.digest,
          reference: ref,
          aliases: options.aliases,
          model_digest: model.digest,
          gate_verdict: gate.verdict,
          ...(options.forceReason ? { force_reason: options.forceReason } : {}),
        },
        context,
        options.recordPath,
      );
    }

    await host.appendSummary(
      [
        `### Registered ${escapeCell(name)} ${code(registered.version)}`,
        '',
        table(
          ['', ''],
          [
            ['reference', code(ref)],
            ['digest', code(registered.digest)],
            ['aliases', options.aliases.length ? options.aliases.map(code).join(', ') : '—'],
            ['gate', escapeCell(gate.verdict)],
            ...(options.forceReason ? [['forced', escapeCell(options.forceReason)]] : []),
            ['layers', layers.map((l) => code(l.descriptor.annotations?.[ANNOTATION.title] ?? l.descriptor.mediaType)).join(', ')],
          ],
        ),
        '',
      ].join('\n'),
    );

    return { outputs: { version: registered.version, digest: registered.digest, ref } };
  },
};

async function register(
  location: RegistryLocation,
  contents: VersionContents,
  request: Parameters<typeof registerIntoLayout>[2],
  options: RegisterOptions,
  chunkBytes: number | undefined,
  host: Host,
): Promise<Registered> {
  if (location.kind === 'layout') {
    const layout = await OciLayout.open(host.cwd, location.dir, { create: true });
    return registerIntoLayout(layout, contents, request);
  }
  const http = remoteHttp(location, { username: options.username, password: options.password, insecure: options.insecure }, host);
  const repository = new RemoteRepository(http, remoteRepository(location, contents.name));
  return registerIntoRemote(repository, contents, request, { chunkBytes: chunkBytes ?? DEFAULT_CHUNK_BYTES, log: (message) => host.info(message) });
}

function describe(location: RegistryLocation): string {
  return location.kind === 'layout' ? location.dir : `${location.host}${location.path ? `/${location.path}` : ''}`;
}

async function readOptional(file: string, display: string, explicit: boolean, what: string, key: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    throw new UserError(code === 'ENOENT' ? `${what} not found` : `cannot read ${what} (${code ?? String(error)})`, { where: { file: display, key } });
  }
}

async function readProfile(record: RunRecord | undefined, host: Host): Promise<{ bytes: Buffer; path: string } | undefined> {
  const path = record?.data?.profile_path;
  if (!path) return undefined;
  const file = resolve(host.cwd, path);
  if (!existsSync(file)) {
    host.warning(`the run record names a data profile at ${path}, which does not exist: the version is stored without it.`);
    return undefined;
  }
  return { bytes: await readFile(file), path };
}

function lineageAnnotations(name: string, record: RunRecord | undefined, modelSha256: string, verdict: string, forceReason: string | undefined, context: ReturnType<typeof runContext>, host: Host): Record<string, string> {
  const annotations: Record<string, string> = {
    [ANNOTATION.title]: name,
    [ANNOTATION.modelName]: name,
    [ANNOTATION.created]: context.at,
    [ANNOTATION.gateVerdict]: verdict,
  };
  if (context.commit) annotations[ANNOTATION.revision] = context.commit;
  if (context.run_url) annotations[ANNOTATION.runUrl] = context.run_url;
  const repository = host.env('GITHUB_REPOSITORY');
  if (repository) annotations[ANNOTATION.source] = `${host.env('GITHUB_SERVER_URL') ?? 'https://github.com'}/${repository}`;
  // A data section changed outside data-validate does not vouch for the data.
  const untrusted = new Set(untrustedSections(record).map((s) => s.section));
  const dataTrusted = !untrusted.has('data') && !untrusted.has('*');
  const fingerprint = (dataTrusted ? record?.data?.fingerprint : undefined) ?? record?.evaluation?.data.fingerprint;
  if (fingerprint) annotations[ANNOTATION.dataFingerprint] = fingerprint;
  const evaluation = record?.evaluation?.model.sha256 === modelSha256 ? record.evaluation : undefined;
  if (evaluation?.data.fingerprint) annotations[ANNOTATION.holdoutFingerprint] = evaluation.data.fingerprint;
  if (evaluation?.holdout?.status === 'changed' && evaluation.holdout.reason) annotations[ANNOTATION.holdoutChangeReason] = evaluation.holdout.reason;
  const metrics = headlineMetrics(record, modelSha256);
  if (Object.keys(metrics).length) annotations[ANNOTATION.metrics] = JSON.stringify(metrics);
  if (untrusted.size) {
    const sections = [...untrusted].join(',');
    annotations[ANNOTATION.recordFlags] = sections;
    host.warning(`the run record has sections changed outside their stage (${sections}); the version is annotated with ${ANNOTATION.recordFlags}`);
  }
  Object.assign(annotations, governanceAnnotations(record, modelSha256));
  if (forceReason) annotations[ANNOTATION.forceReason] = forceReason;
  return annotations;
}

/** Logs upload/copy progress of the model at most every 10 %. */
function progressReporter(host: Host, label: string): (sent: number, total: number) => void {
  let lastDecile = -1;
  const started = Date.now();
  return (sent, total) => {
    if (total < 8 * 1024 * 1024) return;
    const decile = Math.floor((sent / total) * 10);
    if (decile === lastDecile) return;
    lastDecile = decile;
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? sent / seconds : 0;
    const eta = rate > 0 ? Math.round((total - sent) / rate) : undefined;
    host.info(`${label}: ${(sent / 1048576).toFixed(1)} / ${(total / 1048576).toFixed(1)} MiB (${decile * 10} %)${eta !== undefined && sent < total ? `, ETA ${eta} s` : ''}`);
  };
}
