/**
 * deploy (target `server`): a registered, gated version onto a running `mlops serve` —
 * verify → load beside the running version → smoke test against an in-process run of the same
 * verified file → progressive traffic with canary analysis → promote (unload the old version,
 * then move the alias) or roll back. Each step is logged, summarised and recorded.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../../shared/config/load.js';
import { Cancelled, runRollout, type RolloutResult, type StepRecord } from '../../shared/deploy/rollout.js';
import { ServeClient, type IndexEntry } from '../../shared/deploy/serve-client.js';
import { featureNames, readSmokeRows, smokeTest, type SmokeResult } from '../../shared/deploy/smoke.js';
import { UserError } from '../../shared/errors/user-error.js';
import { GitHubDeployment } from '../../shared/github/deployments.js';
import type { Host } from '../../shared/host/host.js';
import { openModel } from '../../shared/onnx/model.js';
import { onTerminationSignals } from '../../shared/process/termination-signals.js';
import { runContext } from '../../shared/record/context.js';
import { appendSection, DEFAULT_RECORD_PATH } from '../../shared/record/record.js';
import { moveAlias } from '../../shared/registry/move-alias.js';
import type { Stage } from '../../shared/stage/definition.js';
import { readDeployInputs, settingsFrom, type DeployInputs, type DeploySettings } from './options.js';
import { kserveSettings } from './kserve-options.js';
import { deploySummary } from './summary.js';
import { checkGate, verifyVersion, type VerifiedVersion } from './verify.js';

export interface DeployReport {
  model: string;
  version: string;
  digest: string;
  previous?: { version: string; digest?: string };
  outcome: 'deployed' | 'unchanged' | 'rolled_back' | 'failed';
  /** Where it serves, when the target reports it (KServe: the InferenceService's status.url). */
  url?: string;
  kserve?: Record<string, unknown>;
  smoke?: SmokeResult;
  steps: StepRecord[];
  reason?: string;
  aliasMoved: boolean;
}

export const deployStage: Stage<DeployInputs> = {
  name: 'deploy',
  readOptions: readDeployInputs,

  async run(inputs, host) {
    const { config } = await loadConfig(host.cwd, inputs.configPath);
    const settings = settingsFrom(inputs, config);
    const access = { username: inputs.registryUsername, password: inputs.registryPassword, insecure: inputs.insecure };

    // 1. Pre-deploy gate.
    const verified = await verifyVersion(host.cwd, inputs.model, access, host);
    checkGate(verified, inputs.requireGate, inputs.forceReason, host);
    const name = verified.version.name;
    const target: DeployTarget = settings.target === 'kserve' ? await prepareKserveTarget(verified, settings, kserveSettings(inputs.kube, config, name), inputs, host) : await prepareServer(verified, settings, inputs, host);
    if (target.dryRun) return target.dryRun;

    const github = inputs.githubToken ? await host.github(inputs.githubToken) : undefined;
    const cancel = new AbortController();
    const stopListening = onTerminationSignals((signal) => cancel.abort(new Cancelled(signal)));
    let deployment: GitHubDeployment | undefined;
    let report: DeployReport;
    try {
      if (github) {
        deployment = await GitHubDeployment.create(github, { environment: settings.environment, ref: verified.commit ?? github.sha ?? 'HEAD', version: verified.tag, digest: verified.digest, model: name, description: `${name} ${verified.tag}` });
        await deployment.status('in_progress', `deploying ${name} ${verified.tag}`);
      }
      report = await target.execute(cancel.signal);
    } catch (error) {
      await deployment?.status('failure', error instanceof Error ? error.message : String(error)).catch(() => undefined);
      throw error;
    } finally {
      stopListening();
    }
    const ok = report.outcome === 'deployed' || report.outcome === 'unchanged';
    const url = report.url ?? settings.url;
    await deployment?.status(ok ? 'success' : 'failure', ok ? `${name} ${report.version} serving` : `${report.outcome === 'failed' ? 'failed' : 'rolled back'}: ${report.reason ?? ''}`, ok ? url : undefined);

    const recordPath = inputs.recordPath ?? DEFAULT_RECORD_PATH;
    await appendSection(
      resolve(host.cwd, recordPath),
      'deploy',
      {
        target: settings.target,
        environment: settings.environment,
        url,
        model: name,
        reference: verified.version.ref,
        version: report.version,
        digest: verified.digest,
        previous_version: report.previous?.version ?? null,
        previous_digest: report.previous?.digest ?? null,
        strategy: settings.strategy,
        status: report.outcome === 'rolled_back' ? 'rolled_back' : report.outcome === 'failed' ? 'failed' : 'success',
        unchanged: report.outcome === 'unchanged',
        gate_verdict: verified.gateVerdict,
        ...(inputs.forceReason ? { force_reason: inputs.forceReason } : {}),
        ...(report.smoke ? { smoke: { ...report.smoke } } : {}),
        steps: report.steps.map((step) => ({ ...step, analysis: { ...step.analysis } })),
        ...(report.reason ? { rollback_reason: report.reason } : {}),
        alias: report.aliasMoved ? settings.alias : null,
        ...(report.kserve ? { kserve: report.kserve } : {}),
        deployment_id: deployment?.id ?? null,
        commit: verified.commit ?? null,
        data_fingerprint: verified.dataFingerprint ?? null,
      },
      runContext(host, 'deploy'),
      recordPath,
    );
    await host.appendSummary(deploySummary(report, { ...settings, url }));

    return {
      outputs: {
        deployed: String(report.outcome === 'deployed'),
        version: report.version,
        digest: verified.digest,
        'previous-version': report.previous?.version ?? '',
        url,
        'rolled-back': String(report.outcome === 'rolled_back'),
        'deployment-id': deployment ? String(deployment.id) : '',
        report: recordPath,
      },
      failure: report.outcome === 'rolled_back' ? `deploy of ${name} ${report.version} rolled back: ${report.reason}` : report.outcome === 'failed' ? `deploy of ${name} ${report.version} failed: ${report.reason}` : undefined,
    };
  },
};

export interface DeployTarget {
  execute(signal: AbortSignal): Promise<DeployReport>;
  /** Set when nothing is to be deployed (dry run): the stage's result as it is. */
  dryRun?: { outputs: Record<string, string> };
}

/** The Kubernetes client (~2 MB) loads only for `target: kserve`, so a server deploy starts without it. */
async function prepareKserveTarget(...args: Parameters<typeof import('./kserve.js').prepareKserve>): Promise<DeployTarget> {
  const { prepareKserve } = await import('./kserve.js');
  return prepareKserve(...args);
}

async function prepareServer(verified: VerifiedVersion, settings: DeploySettings, inputs: DeployInputs, host: Host): Promise<DeployTarget> {
  const client = new ServeClient(settings.url, inputs.adminToken, { allowPlainHttp: inputs.allowPlainHttp });
  const name = verified.version.name;
  const index = (await client.index()).filter((entry) => entry.name === name);
  const serving = index.filter((entry) => (entry.weight ?? 0) > 0);
  const previous = serving.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0];
  refuseConcurrentDeploy(name, index, previous);
  return { execute: (signal) => deploy(client, verified, previous, index, settings, inputs, host, signal) };
}

async function deploy(client: ServeClient, verified: VerifiedVersion, previous: IndexEntry | undefined, index: IndexEntry[], settings: DeploySettings, inputs: DeployInputs, host: Host, signal: AbortSignal): Promise<DeployReport> {
  const name = verified.version.name;
  const base = { model: name, digest: verified.digest, steps: [] as StepRecord[], aliasMoved: false };
  const previousInfo = previous ? { version: previous.version, digest: previous.digest } : undefined;
  if (previous && previous.digest === verified.digest && previous.weight === 100) {
    host.info(`${name} ${previous.version} (${verified.digest}) already serves 100 % of the traffic: nothing to do`);
    const aliasMoved = await moveAliasAfterSuccess(verified, settings, inputs, host);
    return { ...base, version: previous.version, previous: previousInfo, outcome: 'unchanged', aliasMoved };
  }

  // The smoke rows are read (and their columns checked) before anything changes on the server.
  const model = await openModel(verified.modelPath, `${verified.version.ref} (model)`, host, 'model');
  try {
    const smokeRows = settings.smokeData ? await readSmokeRows(host.cwd, settings.smokeData, featureNames(model), host) : undefined;
    const alreadyLoaded = index.find((entry) => entry.digest === verified.digest);

    // 2. Load and smoke.
    const loaded = await host.group(`load ${name} from ${verified.version.ref}`, () => client.load(name, verified.serverReference, inputs.insecure));
    const version = loaded.version;
    const rollbackLoad = async (reason: string): Promise<DeployReport> => {
      if (previous && !alreadyLoaded) {
        await client.setTraffic(name, { [previous.version]: 100, [version]: 0 }).catch(() => undefined);
        await client.unload(name, version);
      } else if (!previous) await client.unload(name, version).catch(() => undefined);
      return { ...base, version, previous: previousInfo, outcome: 'rolled_back', reason };
    };
    let smoke: SmokeResult | undefined;
    try {
      if (smokeRows) {
        smoke = await host.group(`smoke test: ${smokeRows.rows} rows from ${smokeRows.file}`, () => smokeTest(client, name, version, model, smokeRows));
        host.info(`smoke test passed: ${smoke.rows} rows, outputs ${smoke.outputs.join(', ')}, max |difference| ${smoke.max_abs_difference.toExponential(2)}`);
      }
      if (signal.aborted) throw signal.reason;
    } catch (error) {
      if (error instanceof Cancelled) return rollbackLoad(`the deploy was ${error.message}`);
      if (error instanceof UserError) {
        const report = await rollbackLoad(error.message);
        host.error(error.message);
        return { ...report, smoke };
      }
      await rollbackLoad(String(error)).catch(() => undefined);
      throw error;
    }

    // 3–5. Progressive traffic (first deploy: straight to 100 %).
    let result: RolloutResult = { promoted: true, steps: [] };
    if (previous && previous.version !== version) {
      result = await host.group(`canary ${name} ${version} beside ${previous.version}: steps ${settings.steps.join(', ')} %`, () =>
        runRollout(
          client,
          {
            model: name,
            canary: version,
            stable: previous.version,
            steps: settings.steps,
            bakeSeconds: settings.bakeSeconds,
            holdFactor: settings.holdFactor,
            thresholds: { maxErrorRate: settings.maxErrorRate, maxP99Ms: settings.maxP99Ms, maxPredictionShift: settings.maxPredictionShift, minRequests: settings.minRequests, minPredictions: settings.minPredictions },
          },
          { log: (message) => host.info(message), sleep: (ms) => sleep(ms, signal), now: () => Date.now() },
        ),
      );
    } else {
      await client.setTraffic(name, { [version]: 100 });
      host.info(`first deploy: ${name} ${version} takes 100 % of the traffic`);
    }
    if (!result.promoted) {
      host.error(`rolled back: ${result.reason}`);
      return { ...base, version, previous: previousInfo, outcome: 'rolled_back', smoke, steps: result.steps, reason: result.reason };
    }
    if (previous && previous.version !== version) {
      await client.unload(name, previous.version);
      host.info(`promoted ${name} ${version}; ${previous.version} unloaded`);
    }
    const aliasMoved = await moveAliasAfterSuccess(verified, settings, inputs, host);
    return { ...base, version, previous: previousInfo, outcome: 'deployed', smoke, steps: result.steps, aliasMoved };
  } finally {
    await model.session.release().catch(() => undefined);
  }
}

export async function moveAliasAfterSuccess(verified: VerifiedVersion, settings: DeploySettings, inputs: DeployInputs, host: Host): Promise<boolean> {
  await moveAlias(host.cwd, verified.location, verified.version, settings.alias, { username: inputs.registryUsername, password: inputs.registryPassword, insecure: inputs.insecure }, host);
  host.info(`alias ${settings.alias} → ${verified.version.name} ${verified.tag} (${verified.digest})`);
  return true;
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolvePromise();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Two deploys of one model at once would fight over the traffic weights. A second version
 * loaded beside the serving one means a deploy is in progress (or was killed without its
 * rollback): refuse before touching anything. In Actions, the template's `concurrency:` group
 * queues deploys of an environment so this is only reached from outside it.
 */
function refuseConcurrentDeploy(name: string, index: IndexEntry[], previous: IndexEntry | undefined): void {
  const others = index.filter((entry) => entry.version !== previous?.version);
  if (others.length === 0) return;
  const list = others.map((entry) => `${entry.version} (${entry.weight ?? 0} %)`).join(', ');
  throw new UserError(`another deploy of ${name} is in progress on the server: ${list} ${others.length === 1 ? 'is' : 'are'} loaded beside ${previous ? `${previous.version} (${previous.weight} %)` : 'nothing serving'}`, {
    where: { key: 'url' },
    hint: 'Wait for it to finish (the workflow template queues deploys with `concurrency:`). If a deploy was killed before it could roll back, unload the extra version: POST /v2/repository/models/<name>/unload {"parameters": {"version": "…"}}.',
  });
}
