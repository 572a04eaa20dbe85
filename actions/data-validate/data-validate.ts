/**
 * data-validate: checks data files against the `data:` contract in mlops.yml, profiles and
 * fingerprints them, checks skew against a reference, and reports (annotations, job summary,
 * one PR comment, results/profile JSON, run record).
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../../shared/config/load.js';
import { resolveData } from '../../shared/data/reader.js';
import { countBySeverity, type Finding } from '../../shared/data/validate/findings.js';
import { validateData } from '../../shared/data/validate/validate.js';
import { writeFileAtomic } from '../../shared/fs/atomic.js';
import { parseCommentMode, postReport, type CommentMode } from '../../shared/github/pull-request-report.js';
import type { Host } from '../../shared/host/host.js';
import { enumInput, optionalInput, requiredInput } from '../../shared/host/inputs.js';
import { runContext } from '../../shared/record/context.js';
import { appendSection, DEFAULT_RECORD_PATH } from '../../shared/record/record.js';
import type { Stage } from '../../shared/stage/definition.js';
import { loadReference } from './reference.js';
import { renderReport } from './report.js';
import { allowOutsideWorkspace } from '../../shared/fs/workspace.js';

export interface DataValidateOptions {
  data: string;
  configPath: string;
  schema?: string;
  reference?: string;
  failOn: 'error' | 'warning' | 'never';
  recordPath: string;
  outDir: string;
  comment: CommentMode;
  token: string;
}

const DEFAULT_OUT_DIR = 'mlops-out/data-validate';
const DEFAULT_MAX_ANNOTATIONS = 50;
const DEFAULT_MAX_LINES = 10;

export const dataValidateStage: Stage<DataValidateOptions> = {
  name: 'data-validate',

  readOptions(host: Host): DataValidateOptions {
    return {
      data: requiredInput(host, 'data'),
      configPath: host.input('config').trim(),
      schema: optionalInput(host, 'schema'),
      reference: optionalInput(host, 'reference'),
      failOn: enumInput(host, 'fail-on', ['error', 'warning', 'never'] as const, 'error'),
      recordPath: host.input('record').trim() || DEFAULT_RECORD_PATH,
      outDir: host.input('out-dir').trim() || DEFAULT_OUT_DIR,
      comment: parseCommentMode(host.input('comment') || 'auto'),
      token: host.input('github-token'),
    };
  },

  async run(options, host) {
    const { config, path: configRead } = await loadConfig(host.cwd, options.configPath);
    const configFile = options.configPath || 'mlops.yml';
    const contract = config.data ?? {};
    const source = await resolveData(host.cwd, options.data, { allowOutsideWorkspace: allowOutsideWorkspace((name) => host.env(name)) });
    // ajv is loaded only when a schema is given: it is a large part of the start path otherwise.
    const schemaCheck = options.schema ? await import('./schema-check.js') : undefined;
    const validateSchema = schemaCheck && options.schema ? await schemaCheck.compileSchema(host.cwd, options.schema) : undefined;
    const reference = options.reference ? await host.group(`${/\.json$/i.test(options.reference) ? 'Reading the reference profile' : 'Profiling the reference data'} ${options.reference}`, () => loadReference(host, options.reference!, configFile)) : undefined;
    if (!config.data) {
      const missing = configRead ? `no data: section in ${configFile}` : `no ${configFile} (so no data contract)`;
      host.warning(`${missing}: only profiling and skew checks run. Start a contract with \`mlops data infer ${options.data}\`${configRead ? '' : ` and save it as the data: section of ${configFile}`}.`);
    }

    const result = await host.group(`Validating ${source.displayFiles.length === 1 ? source.displayFiles[0] : `${source.displayFiles.length} files (${options.data})`}`, async () => {
      const started = Date.now();
      const validation = await validateData(source, contract, { host, configFile, reference, onPhase: (phase) => host.info(`${phase}…`), progress: host });
      host.info(`${validation.rows.toLocaleString('en-US')} rows × ${validation.profile.columns.length} columns in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return validation;
    });
    const findings: Finding[] = [...result.findings];
    if (validateSchema && schemaCheck) {
      const schemaFinding = await host.group(`Checking records against ${options.schema}`, () => schemaCheck.schemaFindings(source, validateSchema, host, contract.max_lines ?? DEFAULT_MAX_LINES));
      if (schemaFinding) findings.push(schemaFinding);
    }

    const { errors, warnings } = countBySeverity(findings);
    const failing = options.failOn === 'error' ? errors : options.failOn === 'warning' ? errors + warnings : 0;
    const valid = options.failOn === 'never' ? errors === 0 : failing === 0;
    annotate(host, findings, source.displayFiles[0]!, contract.max_annotations ?? DEFAULT_MAX_ANNOTATIONS);

    const outDir = resolve(host.cwd, options.outDir);
    const display = (name: string) => join(options.outDir, name).split('\\').join('/');
    const markdown = renderReport({ spec: options.data, valid, failOn: options.failOn, findings, profile: result.profile, skew: result.skew, errors, warnings });
    const results = {
      valid,
      fail_on: options.failOn,
      data: options.data,
      files: result.profile.files,
      fingerprint: result.profile.fingerprint,
      rows: result.rows,
      errors,
      warnings,
      findings,
      skew: result.skew.map(({ shares: _shares, ...rest }) => rest),
    };
    await writeFileAtomic(join(outDir, 'profile.json'), `${JSON.stringify(result.profile)}\n`);
    await writeFileAtomic(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    await writeFileAtomic(join(outDir, 'report.md'), markdown);

    await appendSection(
      resolve(host.cwd, options.recordPath),
      'data',
      {
        fingerprint: result.profile.fingerprint,
        files: result.profile.files,
        rows: result.rows,
        columns: result.profile.columns.length,
        valid,
        errors,
        warnings,
        profile_path: display('profile.json'),
        results_path: display('results.json'),
        data: options.data,
        profile_summary: result.profile.columns.map((c) => ({ name: c.name, type: c.type, null_fraction: c.null_fraction, distinct: c.distinct ?? undefined, min: c.min, max: c.max, mean: c.mean })),
      },
      runContext(host, 'data-validate'),
      options.recordPath,
    );
    await postReport({ host, stage: 'data-validate', model: options.data, markdown, comment: options.comment, token: options.token });

    const reached = failing > 0 ? `${failing} finding${failing === 1 ? '' : 's'} at or above fail-on=${options.failOn}` : '';
    return {
      outputs: {
        valid: String(valid),
        rows: String(result.rows),
        errors: String(errors),
        warnings: String(warnings),
        fingerprint: result.profile.fingerprint,
        profile: display('profile.json'),
        report: display('report.md'),
        results: display('results.json'),
      },
      failure: failing > 0 ? `the data does not meet its contract: ${reached} (see ${display('report.md')})` : undefined,
    };
  },
};

/** One annotation per offending line, capped in total; the total is always logged. */
function annotate(host: Host, findings: Finding[], firstFile: string, cap: number): void {
  let written = 0;
  let total = 0;
  for (const f of findings) {
    const log = (message: string, annotation: { file: string; startLine?: number }) => {
      total += 1;
      if (written >= cap) return;
      written += 1;
      const title = `data-validate: ${f.check}${f.column === null ? '' : ` (${f.column})`}`;
      if (f.severity === 'error') host.error(message, { ...annotation, title });
      else host.warning(message, { ...annotation, title });
    };
    if (f.locations.length === 0) log(f.message, { file: firstFile });
    // One annotation per offending line says what that line has; the finding's totals are in the report.
    for (const location of f.locations) log(`${f.column === null ? '' : `${f.column}: `}${f.line_message ?? f.message}`, { file: location.file, startLine: location.line });
  }
  if (total > written) host.info(`${total} annotations in all; the first ${written} are shown (max_annotations). Every finding is in the report and results JSON.`);
}
