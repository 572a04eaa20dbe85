/**
 * Renders the card as Markdown: Hugging Face–compatible YAML front matter, then the nine
 * sections of Mitchell et al. (2019), then lineage. Every user-written string is escaped.
 */
import { stringify } from 'yaml';
import { code, details, escapeCell, escapeText, formatNumber, link, table } from '../../shared/report/markdown.js';
import { intervalCell, signedCell, undefinedNote, valueCell } from '../../shared/report/undefined-values.js';
import type { CardContent, MetricRow } from './card-content.js';
import { checksEvidence, factorsEvidence, quantitativeEvidence } from './governance-card.js';

const EMPTY = '_Not provided. Add it to the `model_card` section of mlops.yml._';

export function renderCardMarkdown(card: CardContent): string {
  const parts = [frontMatter(card), `# Model card: ${escapeText(card.name)}`, ''];
  if (card.description) parts.push(escapeText(card.description), '');
  parts.push(...modelDetails(card));
  parts.push(...prose('Intended use', [['Primary intended uses', card.sections.intended_use], ['Out-of-scope uses', card.sections.out_of_scope]]));
  parts.push(...prose('Factors', [['', card.sections.factors]]), ...factorsEvidence(card.governance));
  parts.push(...metricsSection(card));
  parts.push(...evaluationData(card));
  parts.push(...trainingData(card));
  parts.push(...quantitative(card));
  parts.push(...prose('Ethical considerations', [['', card.sections.ethical_considerations]]), ...checksEvidence(card.governance));
  parts.push(...prose('Caveats and recommendations', [['Limitations', card.sections.limitations], ['Caveats and recommendations', card.sections.caveats]]));
  parts.push(...lineage(card));
  return `${parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/**
 * The card as a PR comment or job summary shows it: without the YAML front matter, which only
 * Hugging Face reads (GitHub would render it as a rule and a paragraph of YAML). The file keeps it.
 */
export function withoutFrontMatter(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n+/, '');
}

function frontMatter(card: CardContent): string {
  const pipeline = card.task === 'regression' ? 'tabular-regression' : card.task === 'classification' ? 'tabular-classification' : undefined;
  const meta: Record<string, unknown> = {};
  if (card.sections.license) meta.license = card.sections.license;
  meta.library_name = 'onnx';
  meta.tags = ['mlops-actions', 'onnx', ...(pipeline ? [pipeline] : [])];
  if (pipeline) meta.pipeline_tag = pipeline;
  if (card.evaluation) {
    const metrics = card.evaluation.metrics
      .filter((metric): metric is MetricRow & { value: number } => typeof metric.value === 'number')
      .map((metric) => ({ type: metric.name, value: metric.value, name: metric.name }));
    meta['model-index'] = [
      {
        name: card.name,
        results: [
          {
            task: { type: pipeline ?? 'tabular', name: pipeline ?? 'tabular' },
            dataset: { name: card.evaluation.dataPath, type: card.evaluation.dataPath, split: 'holdout' },
            metrics,
          },
        ],
      },
    ];
  }
  return `---\n${stringify(meta, { lineWidth: 0 }).trimEnd()}\n---\n`;
}

function prose(title: string, entries: [string, string | undefined][]): string[] {
  const lines = [`## ${title}`, ''];
  for (const [label, text] of entries) {
    if (label) lines.push(`**${label}.** ${text?.trim() ? escapeText(text.trim()) : EMPTY}`, '');
    else lines.push(text?.trim() ? escapeText(text.trim()) : EMPTY, '');
  }
  return lines;
}

function modelDetails(card: CardContent): string[] {
  const rows: string[][] = [];
  const add = (label: string, value: string | undefined) => value && rows.push([label, value]);
  add('Name', escapeCell(card.name));
  add('Task', card.task && escapeCell(card.task));
  add('Version', card.lineage.version && escapeCell(card.lineage.version));
  add('Owners', card.sections.owners?.map(escapeCell).join(', '));
  add('Licence', card.sections.license && escapeCell(card.sections.license));
  add('Model file', card.model?.path && code(card.model.path));
  add('Model sha256', card.model?.sha256 && code(card.model.sha256));
  add('Model size', card.model?.bytes !== undefined ? `${card.model.bytes} bytes` : undefined);
  add('Contact', card.sections.contact && escapeCell(card.sections.contact));
  add('Citation', card.sections.citation && escapeCell(card.sections.citation));
  const lines = ['## Model details', '', table(['', ''], rows), ''];
  if (card.sections.version_notes) lines.push(`**What changed.** ${escapeText(card.sections.version_notes)}`, '');
  if (card.training) {
    lines.push(`Trained with ${code(card.training.command)} in ${formatNumber(card.training.duration_seconds)} s${card.training.gpus.length ? ` on ${card.training.gpus.map(escapeCell).join(', ')}` : ' on CPU'}, started ${card.training.started_at}.`, '');
    if (card.training.params && Object.keys(card.training.params).length) {
      const paramRows = Object.entries(card.training.params).map(([key, value]) => [escapeCell(key), code(JSON.stringify(value) ?? String(value))]);
      lines.push(details('Training parameters', table(['parameter', 'value'], paramRows)), '');
    }
  }
  if (card.sections.references?.length) lines.push('**References.**', '', ...card.sections.references.map((ref) => `- ${/^https?:\/\//.test(ref) ? link(ref, ref) : escapeText(ref)}`), '');
  return lines;
}

function metricsSection(card: CardContent): string[] {
  const lines = ['## Metrics', ''];
  lines.push(card.sections.metrics?.trim() ? escapeText(card.sections.metrics.trim()) : EMPTY, '');
  if (card.evaluation) {
    const confidence = formatNumber((1 - card.evaluation.alpha) * 100, 3);
    lines.push(`Intervals are ${confidence} % confidence intervals (paired bootstrap over holdout rows). Gate verdict: **${escapeText(card.evaluation.verdict)}**.`, '');
  }
  return lines;
}

function evaluationData(card: CardContent): string[] {
  const lines = ['## Evaluation data', ''];
  lines.push(card.sections.evaluation_data?.trim() ? escapeText(card.sections.evaluation_data.trim()) : EMPTY, '');
  if (card.evaluation) {
    lines.push(`Holdout ${code(card.evaluation.dataPath)}: ${card.evaluation.rows} rows${card.evaluation.dataFingerprint ? `, fingerprint ${code(card.evaluation.dataFingerprint)}` : ''}.`, '');
  }
  return lines;
}

function trainingData(card: CardContent): string[] {
  const lines = ['## Training data', ''];
  lines.push(card.sections.training_data?.trim() ? escapeText(card.sections.training_data.trim()) : EMPTY, '');
  const data = card.data;
  if (data) {
    lines.push(`${data.rows} rows${data.columns !== undefined ? ` × ${data.columns} columns` : ''} from ${data.files.map(code).join(', ')}; fingerprint ${code(data.fingerprint)}.`, '');
    if (data.profile.length) {
      const rows = data.profile.map((column) => [
        escapeCell(column.name),
        escapeCell(column.type),
        formatNumber(column.null_fraction),
        column.distinct === undefined ? '—' : String(column.distinct),
        profileValue(column.min),
        profileValue(column.max),
        formatNumber(column.mean),
      ]);
      lines.push(details('Data profile', table(['column', 'type', 'null fraction', 'distinct', 'min', 'max', 'mean'], rows)), '');
    }
  }
  return lines;
}

function profileValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (value === undefined || value === null) return '—';
  return escapeCell(String(value));
}

function quantitative(card: CardContent): string[] {
  const lines = ['## Quantitative analyses', ''];
  const evaluation = card.evaluation;
  if (!evaluation && !card.training) {
    lines.push('_No evaluation in the run record: run the evaluate-gate stage before model-card to fill this section._', '');
    return lines;
  }
  if (evaluation) {
    const hasBaseline = evaluation.metrics.some((metric) => metric.baseline !== undefined && metric.baseline !== null);
    const header = hasBaseline ? ['metric', 'value', 'CI', 'baseline', 'Δ', 'CI of Δ', 'verdict'] : ['metric', 'value', 'CI', 'verdict'];
    lines.push(`On the holdout (${evaluation.rows} rows)${evaluation.baseline ? `, against baseline ${code(evaluation.baseline)}` : ''}:`, '', metricTable(header, evaluation.metrics, hasBaseline), '');
    for (const slice of evaluation.slices) {
      lines.push(details(`Slice ${slice.column} = ${slice.value} (${slice.rows} rows)`, metricTable(['metric', 'value', 'CI', 'verdict'], slice.metrics, false)), '');
    }
  }
  lines.push(...quantitativeEvidence(card.governance));
  if (card.training && Object.keys(card.training.metrics).length) {
    const rows = Object.entries(card.training.metrics).map(([name, value]) => [escapeCell(name), formatNumber(value)]);
    lines.push('Metrics reported by the training run (on its own data, not the holdout):', '', table(['metric', 'value'], rows), '');
  }
  return lines;
}

function metricCells(metric: MetricRow, withBaseline: boolean): string[] {
  const cells = [escapeCell(metric.name), valueCell(metric.value), intervalCell(metric.ci)];
  if (withBaseline) cells.push(valueCell(metric.baseline), signedCell(metric.delta), intervalCell(metric.deltaCi));
  cells.push(metric.verdict ? escapeCell(metric.verdict) : '—');
  return cells;
}

/** A metric table with the line naming why any n/a cell is undefined. */
function metricTable(header: string[], metrics: MetricRow[], withBaseline: boolean): string {
  const rendered = table(header, metrics.map((metric) => metricCells(metric, withBaseline)));
  const note = undefinedNote(metrics.map((metric) => ({ name: metric.name, reason: metric.undefinedReason })));
  return note ? `${rendered}\n\n${note}` : rendered;
}

function lineage(card: CardContent): string[] {
  const { commit, repository, runUrl, registryRef, registryDigest, actor } = card.lineage;
  const rows: string[][] = [];
  if (commit) rows.push(['Commit', repository ? link(commit.slice(0, 12), `https://github.com/${repository}/commit/${commit}`) : code(commit)]);
  if (runUrl) rows.push(['Workflow run', link(runUrl, runUrl)]);
  if (actor) rows.push(['Actor', escapeCell(actor)]);
  if (registryRef) rows.push(['Registry reference', code(registryRef)]);
  if (registryDigest) rows.push(['Registry digest', code(registryDigest)]);
  if (card.data) rows.push(['Training data fingerprint', code(card.data.fingerprint)]);
  if (card.evaluation?.dataFingerprint) rows.push(['Holdout fingerprint', code(card.evaluation.dataFingerprint)]);
  if (!rows.length) return ['## Lineage', '', '_No lineage recorded yet: the run record has no commit, run or registry entry._', ''];
  return ['## Lineage', '', table(['', ''], rows), ''];
}
