/**
 * evaluate-gate: re-scores the candidate and the baseline (champion) on the same holdout rows
 * with onnxruntime, gates on confidence intervals of the paired differences (Holm-corrected
 * across metrics × slices), and reports once per PR. See docs/evaluate-gate.md.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { loadConfig } from '../../shared/config/load.js';
import { UserError } from '../../shared/errors/user-error.js';
import { writeFileAtomic } from '../../shared/fs/atomic.js';
import { parseCommentMode, postReport, type CommentMode } from '../../shared/github/pull-request-report.js';
import type { Host } from '../../shared/host/host.js';
import { booleanInput, enumInput, listInput, numberInput, optionalInput, requiredInput } from '../../shared/host/inputs.js';
import type { Task } from '../../shared/onnx/outputs.js';
import { runContext } from '../../shared/record/context.js';
import { appendSection, DEFAULT_RECORD_PATH } from '../../shared/record/record.js';
import type { Stage } from '../../shared/stage/definition.js';
import { stepPasses } from './decide.js';
import type { FairnessOutcome } from './fairness-gate.js';
import { DEFAULTS, evaluate } from './evaluate.js';
import { openHoldout } from './holdout.js';
import { checkHoldout, type HoldoutCheck } from './holdout-trust.js';
import { isAbsent, openBaseline, openCandidate, type OpenedModel } from './models.js';
import { renderReport } from './report.js';
import { evaluationRecord, metricMap, resultsJson, type ResultsContext } from './results.js';

export interface EvaluateGateOptions {
  model: string;
  data: string;
  label?: string;
  task?: Task;
  baseline?: string;
  configPath: string;
  features?: string[];
  inputName?: string;
  outputName?: string;
  threshold: number;
  positiveClass?: string;
  slices: string[];
  recordPath: string;
  comment: CommentMode;
  token: string;
  /** Why the holdout differs from the champion's (or the pinned) fingerprint; recorded. */
  holdoutChangeReason?: string;
  /** The explain input: permutation importance with gate.explain's settings (or the defaults). */
  explain: boolean;
  registry: { username?: string; password?: string; insecure: boolean };
}

export const OUT_DIR = 'mlops-out/evaluate-gate';

export const evaluateGateStage: Stage<EvaluateGateOptions> = {
  name: 'evaluate-gate',

  readOptions(host: Host): EvaluateGateOptions {
    const task = enumInput(host, 'task', ['classification', 'regression', ''] as const, '');
    const features = listInput(host, 'features');
    const password = optionalInput(host, 'registry-password');
    if (password) host.setSecret(password);
    return {
      model: requiredInput(host, 'model'),
      data: requiredInput(host, 'data'),
      label: optionalInput(host, 'label'),
      task: task || undefined,
      baseline: optionalInput(host, 'baseline'),
      configPath: host.input('config').trim(),
      features: features.length ? features : undefined,
      inputName: optionalInput(host, 'input-name'),
      outputName: optionalInput(host, 'output-name'),
      threshold: numberInput(host, 'threshold', { min: 0, max: 1 }) ?? 0.5,
      positiveClass: optionalInput(host, 'positive-class'),
      slices: listInput(host, 'slices'),
      recordPath: host.input('record').trim() || DEFAULT_RECORD_PATH,
      comment: parseCommentMode(host.input('comment') || 'auto'),
      token: host.input('github-token'),
      holdoutChangeReason: optionalInput(host, 'holdout-change-reason'),
      explain: booleanInput(host, 'explain', false),
      registry: { username: optionalInput(host, 'registry-username'), password, insecure: booleanInput(host, 'insecure', false) },
    };
  },

  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const gate = config.gate ?? {};
    const label = options.label ?? config.model?.label;
    if (!label) {
      throw new UserError('no label column given', { where: { key: 'label' }, hint: 'Set the label input, or model.label in mlops.yml.' });
    }
    const modelName = config.model?.name ?? basename(options.model).replace(/\.onnx$/i, '');

    const candidate = await openCandidate(host.cwd, options.model, host);
    let baseline: OpenedModel | undefined;
    let firstRun: string | undefined;
    if (options.baseline) {
      const opened = await openBaseline(host.cwd, options.baseline, host, registryAuth(options, host), config.model?.name);
      if (isAbsent(opened)) {
        firstRun = opened.reason;
        host.notice(`first run: ${firstRun}; only absolute thresholds apply`);
      } else baseline = opened;
    }
    const holdout = await openHoldout(host.cwd, options.data, host);
    let evaluation;
    let holdoutCheck: HoldoutCheck;
    try {
      holdoutCheck = checkHoldout(holdout.fingerprint, { pinned: gate.holdout_fingerprint, baselineFingerprint: baseline?.holdoutFingerprint, baselineRef: baseline?.ref, changeReason: options.holdoutChangeReason });
      if (holdoutCheck.status === 'changed') host.warning(`the holdout differs from ${holdoutCheck.from} (${holdoutCheck.expected} → ${holdoutCheck.fingerprint}); accepted and recorded: ${holdoutCheck.reason}`);
      else if (holdoutCheck.status === 'unchecked' && baseline?.annotations) host.notice(`the baseline ${baseline.ref} records no holdout fingerprint, so the holdout cannot be checked against the champion's; pin one in gate.holdout_fingerprint`);
      evaluation = await evaluate(
        {
          candidate,
          baseline,
          holdout,
          label,
          task: options.task ?? config.model?.task,
          features: options.features ? { names: options.features, from: 'the features input' } : config.model?.features ? { names: config.model.features, from: 'model.features in mlops.yml' } : undefined,
          inputName: options.inputName,
          outputName: options.outputName,
          threshold: options.threshold,
          positiveClass: options.positiveClass,
          slices: options.slices.length ? options.slices : (gate.slices ?? []),
          gate,
          explain: gate.explain ?? (options.explain ? {} : undefined),
        },
        host,
      );
    } finally {
      await holdout.close();
    }

    const inconclusivePolicy = gate.inconclusive ?? DEFAULTS.inconclusive;
    const override = gate.override?.reason;
    const insufficientPolicy = gate.insufficient_evidence ?? DEFAULTS.insufficientEvidence;
    const passed = stepPasses(evaluation.verdict, { inconclusive: inconclusivePolicy, insufficient: insufficientPolicy, overridden: override !== undefined });

    const outDir = resolve(host.cwd, OUT_DIR);
    const reportFile = join(outDir, 'report.md');
    const resultsFile = join(outDir, 'results.json');
    const display = (file: string) => relative(host.cwd, file) || file;
    const context: ResultsContext = {
      candidate: { path: options.model, sha256: candidate.model.sha256 },
      baseline: baseline ? { ref: baseline.ref, sha256: baseline.model.sha256, digest: baseline.digest } : undefined,
      firstRun,
      holdout: holdoutCheck,
      data: holdout.file,
      dataFingerprint: holdout.fingerprint,
      passed,
      inconclusivePolicy,
      insufficientPolicy,
      override,
      reportPath: display(reportFile),
    };
    const run = runContext(host, 'evaluate-gate');
    await writeFileAtomic(resultsFile, `${JSON.stringify(resultsJson(evaluation, context), null, 2)}\n`);
    const reportContext = { modelName, candidate: options.model, candidateSha256: candidate.model.sha256, baseline: baseline?.ref, baselineSha256: baseline?.model.sha256, firstRun, data: holdout.file, passed, inconclusivePolicy, insufficientPolicy, override, runUrl: run.run_url, reportPath: display(reportFile) };
    await writeFileAtomic(reportFile, renderReport(evaluation, reportContext));
    const artifactUrl = await uploadReport(host, modelName, [reportFile, resultsFile], outDir, run.run_url);
    const markdown = artifactUrl ? renderReport(evaluation, { ...reportContext, artifactUrl }) : await readFile(reportFile, 'utf8');
    await appendSection(resolve(host.cwd, options.recordPath), 'evaluation', evaluationRecord(evaluation, context, display(resultsFile)), run, options.recordPath);
    host.info(`report: ${display(reportFile)}; results: ${display(resultsFile)}; record: ${options.recordPath}`);
    await postReport({ host, stage: 'evaluate-gate', model: modelName, markdown, comment: options.comment, token: options.token });

    const overall = evaluation.outcomes[0]!;
    if (evaluation.verdict === 'inconclusive' && inconclusivePolicy === 'warn') {
      host.warning(`evaluate-gate: inconclusive (${undecided(evaluation.outcomes[0]!.metrics, 'inconclusive', evaluation.fairness)}); passing because gate.inconclusive is warn`);
    }
    if (evaluation.verdict === 'insufficient-evidence' && insufficientPolicy === 'warn') {
      host.warning(`evaluate-gate: insufficient evidence (${undecided(overall.metrics, 'insufficient-evidence', evaluation.fairness)}); passing because gate.insufficient_evidence is warn`);
    }
    if (evaluation.verdict === 'fail' && override) host.warning(`evaluate-gate: the gate failed (${evaluation.reasons.join('; ')}) but is overridden: ${override}`);
    return {
      outputs: {
        passed: String(passed),
        metrics: JSON.stringify(metricMap(overall, 'candidate')),
        'baseline-metrics': JSON.stringify(baseline ? metricMap(overall, 'baseline') : {}),
        report: display(reportFile),
        results: display(resultsFile),
      },
      failure: passed
        ? undefined
        : evaluation.verdict === 'fail'
          ? failedGateMessage(evaluation.reasons)
          : evaluation.verdict === 'insufficient-evidence'
            ? `insufficient evidence and gate.insufficient_evidence is fail: ${undecided(overall.metrics, 'insufficient-evidence', evaluation.fairness)} cannot be judged on ${evaluation.rows} rows (see min_detectable and rows_needed, or undefined_reason, in the results)`
            : `gate inconclusive and gate.inconclusive is fail: ${undecided(overall.metrics, 'inconclusive', evaluation.fairness)} could not be decided on ${evaluation.rows} rows`,
    };
  },
};

/** A short first line (how many checks failed), then one check per line: readable in a log and an annotation. */
export function failedGateMessage(reasons: readonly string[]): string {
  const count = `${reasons.length} check${reasons.length === 1 ? '' : 's'}`;
  return [`gate failed: ${count} did not hold (the report has the details):`, ...reasons.map((reason) => `  - ${reason}`)].join('\n');
}

/** The metrics with this verdict, each with why it is n/a when it is undefined. */
function undecided(metrics: Record<string, { verdict: string; undefined_reason?: string }>, verdict = 'inconclusive', fairness: FairnessOutcome[] = []): string {
  const named = (name: string, m: { undefined_reason?: string }) => (m.undefined_reason ? `${name} (n/a: ${m.undefined_reason})` : name);
  return [...Object.entries(metrics).filter(([, m]) => m.verdict === verdict).map(([name, m]) => named(name, m)), ...fairness.filter((f) => f.verdict === verdict).map((f) => named(`${f.metric}(${f.attribute})`, f))].join(', ');
}

function registryAuth(options: EvaluateGateOptions, host: Host) {
  const { username, password, insecure } = options.registry;
  // GHCR takes the workflow's own token; other registries need explicit credentials.
  if (!username && !password && options.baseline?.startsWith('oci://ghcr.io/') && options.token) {
    return { username: host.env('GITHUB_ACTOR') ?? 'token', password: options.token, insecure };
  }
  return { username, password, insecure };
}

/** On a runner, uploads report and results as an artifact; returns its URL. */
async function uploadReport(host: Host, model: string, files: string[], root: string, runUrl: string | undefined): Promise<string | undefined> {
  if (host.kind !== 'actions' || !host.env('ACTIONS_RUNTIME_TOKEN')) return undefined;
  try {
    const uploaded = await host.uploadArtifact(`evaluate-gate-${model}`, files, root);
    return uploaded?.id && runUrl ? `${runUrl}/artifacts/${uploaded.id}` : undefined;
  } catch (error) {
    host.warning(`could not upload the evaluate-gate report as an artifact: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}
