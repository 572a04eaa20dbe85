/**
 * drift-check: compares recent production data (files, globs, `mlops serve` capture files)
 * with the training reference column by column, decides drift with a multiplicity-corrected
 * test AND a practical effect size, writes report/results/run record, then keeps one GitHub
 * issue per model and dispatches retraining at most once per cooldown window.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../../shared/config/load.js';
import { measureColumns, planColumns, type Reference, type SkippedColumn } from '../../shared/drift/analyse.js';
import { decide, DEFAULT_RULE, type DecisionRule } from '../../shared/drift/decide.js';
import { loadSample } from '../../shared/drift/load.js';
import { estimatePerformance } from '../../shared/drift/predictions.js';
import { defaultReference, loadReference } from '../../shared/drift/reference.js';
import { renderDriftReport, type ReportInput } from '../../shared/drift/report.js';
import { writeFileAtomic } from '../../shared/fs/atomic.js';
import { capSummary } from '../../shared/report/limits.js';
import { runContext } from '../../shared/record/context.js';
import { appendSection } from '../../shared/record/record.js';
import type { Stage } from '../../shared/stage/definition.js';
import { githubSteps } from './github-steps.js';
import { readDriftOptions, type DriftCheckOptions } from './options.js';
import { openDriftModel, scorePredictions, type OpenedDriftModel, type ScoredPredictions } from './score.js';

export const driftCheckStage: Stage<DriftCheckOptions> = {
  name: 'drift-check',
  readOptions: readDriftOptions,

  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const drift = config.drift ?? {};
    const rule: DecisionRule = {
      alpha: drift.alpha ?? DEFAULT_RULE.alpha,
      correction: drift.correction ?? DEFAULT_RULE.correction,
      wassersteinThreshold: drift.wasserstein_threshold ?? DEFAULT_RULE.wassersteinThreshold,
      jsThreshold: drift.js_threshold ?? DEFAULT_RULE.jsThreshold,
      driftShare: drift.drift_share,
    };
    const referenceSpec = options.reference ?? defaultReference(config.model?.name, config.registry?.url);
    const current = await loadSample(host.cwd, options.current, host, 'current');
    let reference: Reference | undefined;
    let opened: OpenedDriftModel | undefined;
    try {
      if (options.model) opened = await host.group(`Opening the model ${options.model}`, () => openDriftModel(host, options.model!));
      const features = config.model?.features ?? opened?.features;
      reference = await host.group(`Reading the reference ${referenceSpec}`, () => loadReference(host, referenceSpec));
      const ref = reference;
      const referenceRows = ref.kind === 'data' ? ref.sample.rows : ref.profile.rows;
      const columns = planColumns(current, ref, options.columns.length ? options.columns : drift.columns, features);
      const started = performance.now();
      let scored: ScoredPredictions | undefined;
      let skipped: SkippedColumn[] = [];
      const measures = await host.group(`Comparing ${columns.length} columns: ${current.rows.toLocaleString('en-US')} current rows against ${referenceRows.toLocaleString('en-US')} reference rows`, async () => {
        const measured = await measureColumns(current, ref, columns, drift.tests ?? {}, { threads: drift.threads });
        const out = measured.measures;
        skipped = measured.skipped;
        if (measured.threads > 1) host.info(`numeric columns measured on ${measured.threads} worker threads`);
        for (const s of skipped) host.info(`${s.column}: not compared (${s.reason})`);
        if (options.model && opened) {
          scored = await scorePredictions(host, options.model, opened, current, ref, config.model?.features);
          out.push(...scored.measures);
        }
        host.info(`statistics in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        return out;
      });
      const decision = decide(measures, rule);
      const performanceEstimate = await estimatePerformance(current, ref, scored?.probabilities);

      const model = config.model?.name ?? 'model';
      const context = runContext(host, 'drift-check');
      const runUrl = context.run_url;
      const reportInput: ReportInput = {
        current: options.current,
        reference: referenceSpec,
        referenceIsProfile: ref.kind === 'profile',
        currentRows: current.rows,
        referenceRows,
        rule,
        decision,
        skipped,
        performance: performanceEstimate,
      };
      const outDir = resolve(host.cwd, options.outDir);
      const display = (name: string) => join(options.outDir, name).split('\\').join('/');
      const results = {
        kind: 'mlops-drift-results',
        drifted: decision.drifted,
        drifted_columns: decision.driftedColumns,
        share: decision.share,
        current: options.current,
        reference: referenceSpec,
        reference_is_profile: ref.kind === 'profile',
        current_rows: current.rows,
        reference_rows: referenceRows,
        rule,
        columns: decision.columns,
        skipped_columns: skipped,
        performance: performanceEstimate ?? null,
        github: null as unknown,
      };
      // Statistics first on disk, so a GitHub failure later cannot lose them.
      let markdown = renderDriftReport(reportInput);
      await writeFileAtomic(join(outDir, 'report.md'), markdown);
      await writeFileAtomic(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
      for (const c of decision.columns) {
        if (c.drifted) host.warning(`${c.column}: drift (${c.test} adjusted p ${c.adjusted_p.toPrecision(3)}, ${c.effect.measure} ${c.effect.value.toPrecision(3)})`, { title: 'drift-check' });
      }

      const github = await githubSteps(host, options, model, { date: context.at.slice(0, 16).replace('T', ' '), rows: current.rows, drifted: decision.drifted, driftedColumns: decision.driftedColumns, share: decision.share, runUrl }, markdown);
      markdown = renderDriftReport({ ...reportInput, github: github.lines });
      results.github = { lines: github.lines, issue_number: github.issueNumber ?? null, dispatched: github.dispatched, plan: github.plan ?? null };
      await writeFileAtomic(join(outDir, 'report.md'), markdown);
      await writeFileAtomic(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
      if (github.plan) await writeFileAtomic(join(outDir, 'github-plan.json'), `${JSON.stringify(github.plan, null, 2)}\n`);
      await host.appendSummary(capSummary(markdown));

      await appendSection(
        resolve(host.cwd, options.recordPath),
        'drift',
        {
          reference: referenceSpec,
          current: options.current,
          drifted: decision.drifted,
          drifted_columns: decision.driftedColumns,
          share: decision.share,
          rows: current.rows,
          run_url: runUrl,
          issue_number: github.issueNumber,
          dispatched: github.dispatched,
          results_path: display('results.json'),
          columns: decision.columns.map((c) => ({ column: c.column, test: c.test, statistic: c.statistic, p_value: c.p_value, adjusted_p: c.adjusted_p, effect: c.effect.value, drifted: c.drifted })),
        },
        context,
        options.recordPath,
      );

      return {
        outputs: {
          drifted: String(decision.drifted),
          'drifted-columns': decision.driftedColumns.join(','),
          share: String(Number(decision.share.toFixed(6))),
          report: display('report.md'),
          results: display('results.json'),
          'issue-number': github.issueNumber === undefined ? '' : String(github.issueNumber),
          dispatched: String(github.dispatched),
        },
        failure: options.failOnDrift && decision.drifted ? `drift detected in ${decision.driftedColumns.join(', ')} (fail-on-drift is true; see ${display('report.md')})` : undefined,
      };
    } finally {
      await opened?.cleanup();
      await current.close();
      if (reference?.kind === 'data') await reference.sample.close();
    }
  },
};
