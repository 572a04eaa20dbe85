/**
 * The reports as a reader sees them: the example pipeline run through the CLI (data-validate with
 * skew, train, evaluate-gate against a champion, model-card, drift-check), every report and
 * summary rendered with a real GFM renderer (`marked`), every mermaid block parsed by mermaid
 * itself (test/support/mermaid-parse.ts) and checked for charts that mislead
 * (test/support/mermaid-xychart.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMermaid } from '../support/mermaid-parse.js';
import { checkXyChart, mermaidBlocks } from '../support/mermaid-xychart.js';
import { ROOT, runCli } from '../support/run-action.js';

let cwd: string;
const read = (path: string) => readFileSync(join(cwd, path), 'utf8');

async function mlops(args: string[], expectCode = 0): Promise<{ stdout: string; stderr: string }> {
  const result = await runCli(args, { cwd, env: { GITHUB_ACTIONS: '' } });
  expect(result.code, `mlops ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(expectCode);
  return result;
}

function trainExample(out: string, extra: string[] = []): void {
  const result = spawnSync(process.execPath, ['train.mjs', '--data', 'data/train.csv', '--out', `mlops-out/${out}.onnx`, '--metrics', `mlops-out/${out}-metrics.json`, '--params', `mlops-out/${out}-params.json`, '--log-every', '1000', ...extra], { cwd, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

const REPORTS = [
  'mlops-out/data-validate/train/report.md',
  'mlops-out/data-validate/holdout/report.md',
  'mlops-out/train-summary.md',
  'mlops-out/evaluate-gate/report.md',
  'mlops-out/model-card-summary.md',
  'mlops-out/drift-check/report.md',
];

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'mlops-rendered-'));
  cpSync(join(ROOT, 'examples', 'breast-cancer'), cwd, { recursive: true });
  await mlops(['data-validate', '--data', 'data/train.csv', '--out-dir', 'mlops-out/data-validate/train']);
  await mlops(['data-validate', '--data', 'data/holdout.csv', '--reference', 'mlops-out/data-validate/train/profile.json', '--out-dir', 'mlops-out/data-validate/holdout', '--record', 'mlops-out/holdout-run.json']);
  await mlops(['train', '--command', 'node train.mjs --data data/train.csv --out mlops-out/model.onnx --metrics mlops-out/metrics.json --params mlops-out/params.json --log-every 1000', '--model', 'mlops-out/model.onnx', '--metrics', 'mlops-out/metrics.json', '--params', 'mlops-out/params.json']);
  trainExample('champion', ['--iterations', '120', '--l2', '0.05']);
  await mlops(['evaluate-gate', '--model', 'mlops-out/model.onnx', '--baseline', 'mlops-out/champion.onnx', '--data', 'data/holdout.csv']);
  await mlops(['model-card']);
  await mlops(['drift-check', '--current', 'data/holdout.csv', '--reference', 'data/train.csv', '--record', 'mlops-out/drift-run.json']);
}, 600_000);

describe('rendered reports', () => {
  it.each(REPORTS)('%s: every mermaid block is a well-formed xychart that starts bars at 0', (path) => {
    for (const block of mermaidBlocks(read(path))) expect(() => checkXyChart(block), block).not.toThrow();
  });

  it.each(REPORTS)("%s: mermaid's own parser accepts every block", async (path) => {
    for (const block of mermaidBlocks(read(path))) expect(await parseMermaid(block)).toBe('xychart');
  });

  it('the charts parsed include those of data-validate, train and evaluate-gate', () => {
    // The card draws none; drift-check draws only drifted columns (none here: test/report/mermaid-hostile.test.ts has them).
    for (const path of REPORTS.filter((p) => !/model-card|drift-check/.test(p))) expect(mermaidBlocks(read(path)).length, path).toBeGreaterThan(0);
  });

  it.each(REPORTS)('%s: no text is HTML-escaped twice and no mermaid label shows an escape', (path) => {
    const markdown = read(path);
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html).not.toMatch(/&amp;(lt|gt|amp|quot|#\d+);/);
    for (const block of mermaidBlocks(markdown)) expect(block).not.toMatch(/&(lt|gt|amp|quot|#\d+);/);
  });

  it('the data report draws histograms and skew bars from 0, with readable bin labels', () => {
    const charts = mermaidBlocks(read('mlops-out/data-validate/holdout/report.md')).map(checkXyChart);
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(chart.yRange?.[0]).toBe(0);
    const labels = charts.flatMap((chart) => chart.categories ?? []);
    expect(labels.filter((label) => label.includes('?'))).toEqual([]);
  });

  it("the gate's Δ chart draws each change from 0: a zero line and the changes, on an axis around 0", () => {
    const results = JSON.parse(read('mlops-out/evaluate-gate/results.json')) as { outcomes?: { metrics: Record<string, { delta: number | null }> }[] };
    const [delta] = mermaidBlocks(read('mlops-out/evaluate-gate/report.md')).map(checkXyChart).filter((chart) => chart.title?.startsWith('Δ'));
    expect(delta).toBeDefined();
    expect(delta!.bars).toEqual([]);
    expect(delta!.lines[0]!.every((v) => v === 0)).toBe(true);
    const [low, high] = delta!.yRange!;
    expect(low).toBe(-high);
    const deltas = Object.values(results.outcomes?.[0]?.metrics ?? {}).map((m) => m.delta).filter((d): d is number => d !== null);
    if (deltas.length) expect(delta!.lines[1]!.some((v) => v < 0) || deltas.every((d) => d >= 0)).toBe(true);
  });

  it('the model card comment and summary start with the card, not its YAML front matter; the file keeps it', () => {
    const summary = read('mlops-out/model-card-summary.md');
    const html = marked.parse(summary, { async: false, gfm: true });
    expect(html.trimStart()).toMatch(/^<h1>Model card: /);
    expect(html).not.toContain('library_name');
    expect(html).not.toMatch(/^<hr>/);
    expect(read('mlops-out/MODEL_CARD.md').startsWith('---\nlicense: apache-2.0\nlibrary_name: onnx\n')).toBe(true);
  });

  it('the train summary names the runtime of the command that ran (Node.js for node), not Python', () => {
    const summary = read('mlops-out/train-summary.md');
    expect(summary).toMatch(new RegExp(`\\| software \\| Node\\.js ${process.versions.node.replace(/\./g, '\\.')} \\|`));
    expect(summary).not.toContain('Python');
  });
});

describe('labels from the data', () => {
  it('a slice value with & and < reads as typed in the rendered gate report and card (escaped once, not twice)', async () => {
    const lines = read('data/holdout.csv').trim().split('\n');
    const value = 'A&B <x>';
    writeFileSync(join(cwd, 'data/holdout-sites.csv'), [`${lines[0]},site`, ...lines.slice(1).map((line, i) => `${line},${i % 2 ? `"${value}"` : 'plain'}`), ''].join('\n'));
    await mlops(['evaluate-gate', '--model', 'mlops-out/model.onnx', '--baseline', 'mlops-out/champion.onnx', '--data', 'data/holdout-sites.csv', '--slices', 'site', '--record', 'mlops-out/sites-run.json', '--holdout-change-reason', 'test']);
    await mlops(['model-card', '--record', 'mlops-out/sites-run.json', '--out', 'mlops-out/SITES_CARD.md']);
    for (const path of ['mlops-out/evaluate-gate/report.md', 'mlops-out/SITES_CARD.md']) {
      const html = marked.parse(read(path), { async: false, gfm: true });
      const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
      expect(text, path).toContain(value);
      expect(html, path).not.toMatch(/&amp;(lt|gt|amp|quot|#\d+);/);
    }
  });
});

describe('data-validate findings read right', () => {
  it('a 0/1 column has quantiles 0 or 1, as NumPy computes them, not points inside a histogram bin', () => {
    const profile = JSON.parse(read('mlops-out/data-validate/train/profile.json')) as { columns: { name: string; quantiles: Record<string, number> }[] };
    const malignant = profile.columns.find((c) => c.name === 'malignant')!;
    // numpy.quantile(train.malignant, q) for the profile's quantiles (linear interpolation).
    const labels = read('data/train.csv').trim().split('\n').slice(1).map((line) => Number(line.split(',')[line.split(',').length - 1]));
    const header = read('data/train.csv').split('\n')[0]!.split(',');
    expect(header.at(-1)).toBe('malignant');
    const sorted = labels.sort((a, b) => a - b);
    for (const [q, value] of Object.entries(malignant.quantiles)) {
      const h = (sorted.length - 1) * Number(q);
      const lo = Math.floor(h);
      const expected = sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
      expect(value, `q ${q}`).toBe(expected);
    }
  });

  it('a duplicate key finding shows the duplicated value; per-line annotations do not repeat the totals', async () => {
    const lines = read('data/train.csv').split('\n');
    const header = lines[0]!;
    const first = lines[1]!;
    writeFileSync(join(cwd, 'data/dup.csv'), [header, first, ...lines.slice(2, 20), first.replace(/^P\d+/, (id) => id), ''].join('\n'));
    const result = await mlops(['data-validate', '--data', 'data/dup.csv', '--out-dir', 'mlops-out/data-validate/dup', '--record', 'mlops-out/dup-run.json'], 1);
    const id = first.split(',')[0]!;
    const results = JSON.parse(read('mlops-out/data-validate/dup/results.json')) as { findings: { check: string; message: string; observed?: unknown }[] };
    const unique = results.findings.find((f) => f.check === 'unique')!;
    expect(unique.message).toContain(`"${id}" ×2`);
    expect(unique.observed).toEqual([{ value: id, rows: 2 }]);
    const annotations = result.stderr.split('\n').filter((line) => line.includes('id: '));
    expect(annotations).toHaveLength(2);
    for (const line of annotations) {
      expect(line).toContain(`"${id}" ×2`);
      expect(line).not.toMatch(/\d+ rows share/);
    }
  });
});
