/**
 * deploy, target `kserve`: the verified version as an OCI modelcar image beside it in the
 * registry (shared/deploy/kserve/storage.ts), an InferenceService rendered for that exact
 * digest and checked against KServe's CRD schema, server-side applied, and rolled out with the
 * server target's smoke test, canary analysis and rollback (shared/deploy/kserve/rollout.ts).
 * `dry-run` prints the manifest (and the modelcar digest it names) without a cluster.
 */
import YAML from 'yaml';
import { KserveClient } from '../../shared/deploy/kserve/client.js';
import { renderInferenceService, servedVersion, servingForm } from '../../shared/deploy/kserve/manifest.js';
import { PrometheusSeries } from '../../shared/deploy/kserve/prometheus-series.js';
import { runKserveRollout } from '../../shared/deploy/kserve/rollout.js';
import { validateInferenceService } from '../../shared/deploy/kserve/schema-validate.js';
import { describeStatus, readStatus } from '../../shared/deploy/kserve/status.js';
import { buildModelcar, publishModelcar, type ModelcarRequest } from '../../shared/deploy/kserve/storage.js';
import { PrometheusApi } from '../../shared/deploy/prometheus-api.js';
import { featureNames, readSmokeRows } from '../../shared/deploy/smoke.js';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import { openModel } from '../../shared/onnx/model.js';
import { runContext } from '../../shared/record/context.js';
import type { DeployReport, DeployTarget } from './deploy.js';
import { moveAliasAfterSuccess, sleep } from './deploy.js';
import type { KserveSettings } from './kserve-options.js';
import type { DeployInputs, DeploySettings } from './options.js';
import type { VerifiedVersion } from './verify.js';

export async function prepareKserve(verified: VerifiedVersion, settings: DeploySettings, kserve: KserveSettings, inputs: DeployInputs, host: Host): Promise<DeployTarget> {
  const name = verified.version.name;
  if (verified.location.kind !== 'remote') {
    throw new UserError(`target kserve needs the version in a remote OCI registry: the cluster cannot read ${verified.location.dir}`, {
      where: { key: 'model' },
      hint: 'Register into the registry the cluster pulls from (e.g. oci://ghcr.io/ORG/models) and deploy that reference.',
    });
  }
  const baseImage = kserve.section.storage?.base_image;
  if (!baseImage && !kserve.dryRun) {
    throw new UserError('no modelcar base image: KServe\'s modelcar sidecar runs a shell in the image that carries the model', {
      where: { key: 'deploy.kserve.storage.base_image' },
      hint: 'Copy busybox into the model\'s registry (skopeo copy --format oci docker://busybox:1.36 docker://HOST/ORG/busybox) and set deploy.kserve.storage.base_image to oci://HOST/ORG/busybox@sha256:… (docs/deploy.md, KServe).',
    });
  }
  const prometheus = prometheusSeries(kserve, inputs, host);
  // The cluster first (unreachable, forbidden, KServe missing, a deploy in progress), before anything is built or pushed.
  const client = kserve.dryRun ? undefined : KserveClient.connect({ cwd: host.cwd, kubeconfig: kserve.kubeconfig, namespace: kserve.namespace, host });
  const live = client ? await client.get(kserve.name) : undefined;
  const liveStatus = live ? readStatus(live) : undefined;
  const { version: previousVersion, digest: previousDigest, storageUri: previousStorageUri } = live ? servedVersion(live) : {};
  if (client && live && liveStatus) {
    host.info(`InferenceService ${client.namespace}/${kserve.name} serves ${previousVersion ?? 'an unknown version'}${previousDigest ? ` (${previousDigest})` : ''}: ${describeStatus(liveStatus)}`);
    refuseConcurrentDeploy(kserve.name, liveStatus);
  }

  const request: ModelcarRequest = { location: verified.location, name, version: verified.tag, sourceDigest: verified.digest, modelPath: verified.modelPath, baseImage, access: { username: inputs.registryUsername, password: inputs.registryPassword, insecure: inputs.insecure } };
  const modelcar = await host.group(`modelcar image for ${name} ${verified.tag}`, () => buildModelcar(request, host));
  host.info(`modelcar: ${modelcar.uri} (models/model.onnx, ${modelcar.layer.size} bytes of layer${baseImage ? ` over ${baseImage}` : ''})`);

  const manifest = renderInferenceService({
    name: kserve.name,
    namespace: client?.namespace ?? kserve.namespace ?? 'default',
    storageUri: modelcar.uri,
    model: name,
    version: verified.tag,
    digest: verified.digest,
    reference: verified.version.ref,
    gateVerdict: verified.gateVerdict,
    runUrl: runContext(host, 'deploy').run_url,
    runtime: kserve.runtime,
    resources: kserve.resources,
    section: kserve.section,
  });
  await validateInferenceService(manifest, 'deploy.kserve').catch(async (error: unknown) => {
    await modelcar.cleanup();
    throw error;
  });

  if (!client) {
    await modelcar.cleanup();
    if (!baseImage) host.warning('dry run without deploy.kserve.storage.base_image: a real deploy needs one (the storageUri digest above will change)');
    host.info(`dry run: the InferenceService that would be applied (nothing was pushed or sent):\n---\n${YAML.stringify(manifest)}`);
    return {
      execute: () => Promise.reject(new Error('dry run')),
      dryRun: { outputs: { deployed: 'false', version: verified.tag, digest: verified.digest, 'previous-version': '', url: '', 'rolled-back': 'false', 'deployment-id': '', report: '', manifest: YAML.stringify(manifest) } },
    };
  }

  return {
    async execute(signal) {
      const base = { model: name, digest: verified.digest, version: verified.tag, steps: [], aliasMoved: false, previous: previousVersion ? { version: previousVersion, digest: previousDigest } : undefined };
      // What serves (after an earlier rollback: the pinned revision, per the serving-* annotations).
      const allTraffic = liveStatus?.traffic.some((t) => t.percent === 100) ?? false;
      if (live && liveStatus && previousDigest === verified.digest && previousStorageUri === modelcar.uri && allTraffic && liveStatus.conditions.some((c) => c.type === 'Ready' && c.status === 'True')) {
        await modelcar.cleanup();
        host.info(`${name} ${verified.tag} (${verified.digest}) already serves 100 % of ${kserve.name}'s traffic: nothing to do`);
        const aliasMoved = await moveAliasAfterSuccess(verified, settings, inputs, host);
        return { ...base, outcome: 'unchanged', url: liveStatus.url, aliasMoved };
      }
      const model = await openModel(verified.modelPath, `${verified.version.ref} (model)`, host, 'model');
      try {
        const rows = settings.smokeData ? await readSmokeRows(host.cwd, settings.smokeData, featureNames(model), host) : undefined;
        await host.group(`push ${modelcar.repository}:${modelcar.tag}`, () => publishModelcar(modelcar, request, host));
        const hooks = { log: (message: string) => host.info(message), sleep: (ms: number) => sleep(ms, signal), now: () => Date.now(), pollMs: kserve.pollMs, timeoutMs: kserve.readyTimeoutMs };
        const result = await host.group(`roll out ${name} ${verified.tag} on InferenceService ${client.namespace}/${kserve.name}`, () =>
          runKserveRollout({
            client,
            manifest,
            live,
            newId: verified.tag,
            previousId: previousVersion,
            previousDigest,
            previousStorageUri,
            previousManifest: live ? servingForm(live) : undefined,
            plan: {
              steps: settings.strategy === 'all-at-once' ? [100] : settings.steps,
              bakeSeconds: settings.bakeSeconds,
              holdFactor: settings.holdFactor,
              thresholds: { maxErrorRate: settings.maxErrorRate, maxP99Ms: settings.maxP99Ms, maxPredictionShift: settings.maxPredictionShift, minRequests: settings.minRequests, minPredictions: settings.minPredictions },
            },
            smoke: rows ? { model, rows } : undefined,
            hooks,
            prometheus,
          }),
        );
        const kserveRecord = { name: kserve.name, namespace: client.namespace, storage_uri: modelcar.uri, revision: result.revision ?? null, previous_revision: result.previousRevision ?? null, ...(result.status ? { last_status: describeStatus(result.status) } : {}) };
        const report: DeployReport = { ...base, outcome: result.outcome, url: result.status?.url ?? liveStatus?.url, smoke: result.smoke, steps: result.steps, reason: result.reason, kserve: kserveRecord };
        if (result.outcome !== 'deployed') {
          host.error(`${result.outcome === 'failed' ? 'failed' : 'rolled back'}: ${result.reason}`);
          return report;
        }
        host.info(`promoted ${name} ${verified.tag}: revision ${result.revision} serves 100 % at ${report.url}`);
        return { ...report, aliasMoved: await moveAliasAfterSuccess(verified, settings, inputs, host) };
      } finally {
        await model.session.release().catch(() => undefined);
        await modelcar.cleanup();
      }
    },
  };
}

/** deploy.kserve.prometheus: where the canary analysis reads the revisions' series (checked before anything is pushed). */
function prometheusSeries(kserve: KserveSettings, inputs: DeployInputs, host: Host): PrometheusSeries | undefined {
  const section = kserve.section.prometheus;
  if (!section) return undefined;
  let bearerToken: string | undefined;
  if (section.bearer_token_env) {
    bearerToken = host.env(section.bearer_token_env)?.trim() || undefined;
    if (!bearerToken) {
      throw new UserError(`the variable ${section.bearer_token_env} that bearer_token_env names is empty or not set in this step's environment`, {
        where: { key: 'deploy.kserve.prometheus.bearer_token_env' },
        hint: `Set it on the step: env: { ${section.bearer_token_env}: "\${{ secrets.PROMETHEUS_TOKEN }}" } (an unset secret expands to "").`,
      });
    }
    host.setSecret(bearerToken);
  }
  const api = new PrometheusApi(section.url, { bearerToken, allowPlainHttp: inputs.allowPlainHttp, where: { key: 'deploy.kserve.prometheus.url' } });
  return new PrometheusSeries(api, section.selector);
}

/**
 * A split between two revisions that this run did not make means another deploy is baking (or
 * was killed before its rollback): refuse before touching anything.
 */
function refuseConcurrentDeploy(name: string, status: ReturnType<typeof readStatus>): void {
  const serving = status.traffic.filter((t) => t.percent > 0);
  if (serving.length < 2) return;
  const list = serving.map((t) => `${t.revisionName ?? '?'} (${t.percent} %)`).join(', ');
  throw new UserError(`another deploy of ${name} is in progress on the cluster: traffic is split between ${list}`, {
    where: { key: 'kserve-name' },
    hint: 'Wait for it to finish (the workflow template queues deploys with `concurrency:`). If a deploy was killed mid-canary, pin the stable revision: kubectl patch inferenceservice NAME --type merge -p \'{"spec":{"predictor":{"canaryTrafficPercent":0}}}\'.',
  });
}

