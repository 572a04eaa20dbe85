/**
 * Every mermaid block the stages emit, parsed by mermaid itself (test/support/mermaid-parse.ts),
 * over reports made by the real stages from data whose names are hostile to mermaid and Markdown:
 * quotes, brackets, `-->`, `%%` directives, line breaks, backticks, HTML, decomposed and CJK
 * letters in column, feature, attribute and slice names; and numbers below 1e-6, which String()
 * writes with an exponent that mermaid's grammar has no token for. Each block is also checked
 * against the xychart rules that keep charts from misleading (test/support/mermaid-xychart.ts).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { barChart, chartNumber, deltaChart } from '../../shared/report/charts.js';
import { mermaidCategories, mermaidLabel } from '../../shared/report/markdown.js';
import { xyChart } from '../../shared/train/charts.js';
import { mermaidBlocks, parseMermaid } from '../support/mermaid-parse.js';
import { checkXyChart } from '../support/mermaid-xychart.js';
import { runCli } from '../support/run-action.js';

const FIXTURES = new URL('../fixtures/models/', import.meta.url).pathname;

/** Numeric columns named to break things (the data-validate and drift charts are titled by them). */
const COLUMNS = ['say "hi"', '[x] (y)', 'a --> b', 'line\nbreak', '中文 列', '%%{init: {"theme": "dark"}}%%', '%%', 'e\u0301t\u00e9', '`tick`', '<b>x</b> & y'];
/** The model's one feature (the importance chart's label) and the fairness/slice attribute. */
const FEATURE = 'score --> "p" [0] %% 中';
const ATTRIBUTE = 'site "s" [a] --> 中';
const SITES = ['"A" [B] --> C', '%%{x}%%', 'é 中文'];

const csvField = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A categorical column whose values read alike once in mermaid's safe alphabet (each shows as `a?b`). */
const KINDS = ['a<b', 'a>b', 'a"b', 'a]b'];

/** Values in a band far from 0: 1000.000 … 1000.096 (+ 0.03 in the current data). */
const narrowValue = (i: number, shift: number) => 1000 + ((i * 13) % 97) / 1000 + shift / 100;
const narrowTable = (rows: number, shift: number) => `narrow\n${Array.from({ length: rows }, (_, i) => narrowValue(i, shift)).join('\n')}\n`;

function table(rows: number, shift: number): string {
  // narrow first: data-validate charts the first three numeric columns.
  const lines = [['narrow', ...COLUMNS, FEATURE, 'label', ATTRIBUTE, 'kind "k"'].map(csvField).join(',')];
  for (let i = 0; i < rows; i++) {
    const label = i % 2;
    const values = COLUMNS.map((_, c) => ((i * (c + 3)) % 97) / 10 + shift * (c % 3));
    // Tiny values for one column: its histogram bins and shares go below 1e-6.
    values[0] = (i % 50) * 1e-9;
    const score = Math.min(0.99, 0.15 + 0.5 * label + ((i * 7) % 30) / 100);
    // kind: drifts (the current holds mostly the first kinds); narrow: values in a band far from 0.
    const kind = KINDS[shift ? Math.min(i % 7, 3) : i % 4]!;
    const narrow = narrowValue(i, shift);
    lines.push([String(narrow), ...values.map(String), String(score), String(label), csvField(SITES[i % SITES.length]!), csvField(kind)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

let cwd: string;
const reports: Record<string, string> = {};

async function mlops(args: string[], expectCodes: number[] = [0]): Promise<void> {
  const result = await runCli(args, { cwd, env: { GITHUB_ACTIONS: '' } });
  expect(expectCodes, `mlops ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toContain(result.code);
}

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'mlops-mermaid-'));
  cpSync(join(FIXTURES, 'passthrough_binary.onnx'), join(cwd, 'model.onnx'));
  cpSync(join(FIXTURES, 'passthrough_binary.onnx'), join(cwd, 'baseline.onnx'));
  writeFileSync(join(cwd, 'reference.csv'), table(400, 0));
  writeFileSync(join(cwd, 'current.csv'), table(300, 3));
  writeFileSync(join(cwd, 'mlops.yml'), ['model: { name: hostile-names, label: label }', 'gate:', '  min_detectable: 1', '  fairness:', `    attributes: [${JSON.stringify(ATTRIBUTE)}]`, '  explain: { repeats: 3 }', ''].join('\n'));
  // A training command whose metric series falls below 1e-6 (a converging loss).
  writeFileSync(
    join(cwd, 'train.mjs'),
    [
      "import { copyFileSync, writeFileSync } from 'node:fs';",
      'for (let step = 0; step < 6; step++) console.log(`mlops:metric loss=${(3 * 10 ** -(step + 3)).toExponential()} accuracy=${0.5 + step / 20} step=${step}`);',
      "copyFileSync('model.onnx', 'trained.onnx');",
      "writeFileSync('metrics.json', JSON.stringify({ loss: 3e-8, accuracy: 0.75 }));",
    ].join('\n'),
  );
  await mlops(['data-validate', '--data', 'reference.csv', '--out-dir', 'out/dv-reference']);
  await mlops(['data-validate', '--data', 'current.csv', '--reference', 'out/dv-reference/profile.json', '--out-dir', 'out/dv-current'], [0, 1]);
  // Skew of the narrow band alone (data-validate charts the three most skewed columns).
  writeFileSync(join(cwd, 'narrow-reference.csv'), narrowTable(400, 0));
  writeFileSync(join(cwd, 'narrow-current.csv'), narrowTable(300, 3));
  await mlops(['data-validate', '--data', 'narrow-reference.csv', '--out-dir', 'out/dv-narrow-reference']);
  await mlops(['data-validate', '--data', 'narrow-current.csv', '--reference', 'out/dv-narrow-reference/profile.json', '--out-dir', 'out/dv-narrow'], [0, 1]);
  await mlops(['train', '--command', 'node train.mjs', '--model', 'trained.onnx', '--metrics', 'metrics.json', '--record', 'out/train-run.json']);
  await mlops(['evaluate-gate', '--model', 'model.onnx', '--baseline', 'baseline.onnx', '--data', 'current.csv', '--features', FEATURE, '--slices', ATTRIBUTE, '--explain', 'true', '--record', 'out/gate-run.json'], [0, 1]);
  await mlops(['model-card', '--record', 'out/gate-run.json', '--out', 'out/MODEL_CARD.md']);
  await mlops(['drift-check', '--current', 'current.csv', '--reference', 'reference.csv', '--record', 'out/drift-run.json'], [0, 1]);
  for (const [name, path] of Object.entries({
    'data-validate (profile)': 'out/dv-reference/report.md',
    'data-validate (skew)': 'out/dv-current/report.md',
    'data-validate (narrow skew)': 'out/dv-narrow/report.md',
    train: 'mlops-out/train-summary.md',
    'evaluate-gate': 'mlops-out/evaluate-gate/report.md',
    'model-card': 'out/MODEL_CARD.md',
    'drift-check': 'mlops-out/drift-check/report.md',
  })) {
    reports[name] = readFileSync(join(cwd, path), 'utf8');
  }
}, 600_000);

describe('mermaid parses every chart of reports made from hostile names', () => {
  it('each stage that draws charts drew them, with the hostile names in their labels', () => {
    const count = (name: string) => mermaidBlocks(reports[name]!).length;
    expect(count('data-validate (profile)')).toBeGreaterThan(0);
    expect(count('data-validate (skew)')).toBeGreaterThan(0);
    expect(count('train')).toBeGreaterThan(0);
    expect(count('drift-check')).toBeGreaterThan(0);
    const gate = mermaidBlocks(reports['evaluate-gate']!);
    expect(gate.some((b) => b.includes('Permutation importance') && b.includes('中'))).toBe(true);
    expect(gate.some((b) => b.includes('Δ candidate'))).toBe(true);
    const all = Object.values(reports).flatMap(mermaidBlocks).join('\n');
    expect(all).toContain('中文 列');
    expect(all).toContain('été');
    // The categories that read alike stay four bars; the narrow band's bins read apart.
    expect(mermaidBlocks(reports['drift-check']!).find((b) => b.includes('kind ?k?'))).toContain('x-axis ["a?b", "a?b 2", "a?b 3", "a?b 4"]');
    const narrow = mermaidBlocks(reports['data-validate (profile)']!).find((b) => b.includes('title "narrow"'));
    expect(narrow).toBeDefined();
    expect(checkXyChart(narrow!).categories!.every((label) => label.startsWith('100'))).toBe(true);
    const drifted = checkXyChart(mermaidBlocks(reports['drift-check']!).find((b) => b.includes('title "narrow'))!).categories!;
    expect(drifted[0]).toMatch(/^≤1000/);
    expect(drifted.at(-1)).toMatch(/^over 1000\.\d/);
    expect(drifted.filter((label) => / \d+$/.test(label))).toEqual([]);
    const [skew] = mermaidBlocks(reports['data-validate (narrow skew)']!).map(checkXyChart);
    expect(skew!.categories!.length).toBeGreaterThan(3);
    expect(skew!.categories!.filter((label) => !/^(under |≥ )?1000\.\d+(–1000\.\d+)?$/.test(label))).toEqual([]);
  });

  it.each(['data-validate (profile)', 'data-validate (skew)', 'data-validate (narrow skew)', 'train', 'evaluate-gate', 'model-card', 'drift-check'])('%s: mermaid.parse accepts every block, each an xychart that does not mislead', async (name) => {
    for (const block of mermaidBlocks(reports[name]!)) {
      expect(await parseMermaid(block)).toBe('xychart');
      expect(() => checkXyChart(block), block).not.toThrow();
      // Numbers outside the quoted labels have no exponent.
      expect(block.replace(/"[^"]*"/g, '""')).not.toMatch(/\de[+-]?\d/);
    }
  });

  it.each(['data-validate (profile)', 'data-validate (skew)', 'data-validate (narrow skew)', 'train', 'evaluate-gate', 'model-card', 'drift-check'])('%s: renders with marked; no name breaks out of its fence or cell', (name) => {
    const markdown = reports[name]!;
    const html = marked.parse(markdown, { async: false, gfm: true });
    // Every mermaid fence opened is closed as a code block of its own, nothing injected as HTML.
    expect((html.match(/<code class="language-mermaid">/g) ?? []).length).toBe(mermaidBlocks(markdown).length);
    expect(html).not.toMatch(/<b>x<\/b>/);
    expect(html).not.toMatch(/&amp;(lt|gt|amp|quot|#\d+);/);
  });
});

describe('the chart builders against mermaid, edge by edge', () => {
  it('labels: empty, %% at the start, directives, quotes, brackets, arrows, line breaks and decomposed letters all parse', async () => {
    const labels = ['', '%%', '%%{init: {"theme": "dark"}}%%', '%%x', '100%', 'a"b', '[x]', 'a --> b', 'line\nbreak\r\n', 'e\u0301', '中文', '  ', '---', 'title', 'x-axis'];
    for (const label of labels) {
      const chart = barChart({ title: label, labels: [label, `${label} 2`], yLabel: label, bars: [[1, 2]] });
      expect(await parseMermaid(mermaidBlocks(chart)[0]!), JSON.stringify(label)).toBe('xychart');
    }
    expect(mermaidLabel('')).toBe('"(empty)"');
    expect(mermaidLabel('%%{init}%%')).toBe('"%?init?%"');
    expect(mermaidLabel('e\u0301')).toBe('"é"');
    expect(mermaidLabel('Δ candidate − baseline (whole holdout)')).toBe('"Δ candidate − baseline (whole holdout)"');
    expect(mermaidCategories(['a<b', 'a>b', 'a?b 2', 'x'])).toEqual(['"a?b"', '"a?b 2"', '"a?b 2 2"', '"x"']);
  });

  it('numbers: tiny, huge, negative and −0 are written without exponents and parse', async () => {
    for (const value of [1.234e-9, -5e-7, 3e-300, 1e21, 1.5e25, -0, 0.1 + 0.2, 123456789]) {
      const text = chartNumber(value);
      expect(text, String(value)).toMatch(/^-?(\d+(\.\d+)?|\.\d+)$/);
      expect(Number(text)).toBe(Number(value.toPrecision(4)) || 0);
    }
    const delta = deltaChart({ title: 'Δ', labels: ['a', 'b'], deltas: [-3e-8, 2e-9] });
    const line = xyChart({ title: 'loss', xLabel: 'step', x: ['0', '1'], yLabel: 'loss', lines: [{ values: [3e-7, 3e-8] }] });
    for (const chart of [delta, line]) expect(await parseMermaid(mermaidBlocks(chart)[0]!)).toBe('xychart');
  });

  it('the jsdom window and document exist only while mermaid parses', async () => {
    await parseMermaid('xychart-beta\n  x-axis ["a"]\n  y-axis "v" 0 --> 1\n  bar [1]');
    expect('window' in globalThis).toBe(false);
    expect('document' in globalThis).toBe(false);
  });

  it('nothing to draw gives no block (mermaid rejects an empty x-axis)', async () => {
    await expect(parseMermaid('xychart-beta\n  x-axis []\n  y-axis "v" 0 --> 1\n  bar []')).rejects.toThrow(/mermaid rejects/);
    expect(barChart({ title: 't', labels: [], yLabel: 'y', bars: [[]] })).toBe('');
    expect(deltaChart({ title: 't', labels: [], deltas: [] })).toBe('');
    expect(xyChart({ title: 't', xLabel: 'x', x: [], yLabel: 'y', lines: [{ values: [] }] })).toBe('');
  });
});
