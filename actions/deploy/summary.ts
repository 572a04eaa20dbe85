/** The job summary of a deploy: outcome, versions, smoke test and every step's analysis. */
import { code, escapeCell, table } from '../../shared/report/markdown.js';
import type { DeployReport } from './deploy.js';
import type { DeploySettings } from './options.js';

const HEADLINE = { deployed: 'Deployed', unchanged: 'Already serving', rolled_back: 'Rolled back', failed: 'Failed' } as const;

export function deploySummary(report: DeployReport, settings: DeploySettings): string {
  const lines = [
    `### ${HEADLINE[report.outcome]}: ${escapeCell(report.model)} ${code(report.version)} → ${escapeCell(settings.environment)}`,
    '',
    table(
      ['', ''],
      [
        [settings.target === 'kserve' ? 'InferenceService' : 'server', settings.url ? code(settings.url) : '—'],
        ...(report.kserve ? [['KServe', `${code(String(report.kserve.namespace))}/${code(String(report.kserve.name))}, revision ${code(String(report.kserve.revision ?? '—'))}, storage ${code(String(report.kserve.storage_uri))}`]] : []),
        ['digest', code(report.digest)],
        ['previous', report.previous ? `${code(report.previous.version)}${report.previous.digest ? ` ${code(report.previous.digest)}` : ''}` : '— (first deploy)'],
        ['strategy', `${settings.strategy} (${settings.steps.join(', ')} %)`],
        ['smoke test', report.smoke ? `${report.smoke.rows} rows, max difference ${report.smoke.max_abs_difference.toExponential(2)}` : '—'],
        ['alias', report.aliasMoved ? `${code(settings.alias)} moved` : 'unchanged'],
        ...(report.reason ? [['reason', escapeCell(report.reason)]] : []),
      ],
    ),
    '',
  ];
  if (report.steps.length) {
    lines.push(
      table(
        ['step', 'verdict', 'requests', 'error rate', 'p99 ms', 'prediction shift', 'p'],
        report.steps.map((s) => [
          `${s.weight} %`,
          s.verdict,
          String(s.analysis.requests),
          s.analysis.error_rate === null ? '—' : (s.analysis.error_rate * 100).toFixed(2) + ' %',
          s.analysis.p99_ms === null ? '—' : s.analysis.p99_ms.toFixed(1),
          s.analysis.prediction_shift === null ? '—' : s.analysis.prediction_shift.toFixed(3),
          s.analysis.shift_p_value === null ? '—' : s.analysis.shift_p_value.toExponential(2),
        ]),
        ['r', 'l', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
  }
  return lines.join('\n');
}
