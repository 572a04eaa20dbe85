/**
 * The metrics file a training command writes: a JSON object of finite numbers. Nested objects
 * are flattened with dots (`{"val": {"auc": 0.9}}` → `val.auc`). NaN, ±Infinity (which
 * Python's json.dump writes by default), strings, booleans, null and arrays are errors that
 * name the key and its line.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { UserError } from '../errors/user-error.js';

const NON_FINITE_LITERALS = new Set(['NaN', 'Infinity', '-Infinity', '+Infinity', 'nan', 'inf', '-inf']);

export async function readMetricsFile(file: string, display: string): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'metrics file was not written by the command' : `cannot read metrics file (${code ?? String(error)})`, {
      where: { file: display, key: 'metrics' },
      hint: 'Make the command write its final metrics as a JSON object to this path, or point `metrics` at the file it writes.',
    });
  }
  return parseMetrics(text, display);
}

export function parseMetrics(text: string, display: string): Record<string, number> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const lineOf = (path: string[]) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const nonFinite = findNonFinite(doc);
    if (nonFinite) {
      throw new UserError(`metric "${nonFinite.path.join('.')}" is ${nonFinite.literal}; metrics must be finite numbers`, {
        where: { file: display, line: lineOf(nonFinite.path), key: nonFinite.path.join('.') },
        hint: 'The training diverged or a metric was undefined; fix the run, or leave the metric out (Python: json.dump(..., allow_nan=False) catches this early).',
      });
    }
    const message = (error as Error).message;
    const position = /line (\d+) column (\d+)/.exec(message);
    throw new UserError(`metrics file is not valid JSON (${message})`, {
      where: { file: display, ...(position ? { line: Number(position[1]), column: Number(position[2]) } : {}), key: 'metrics' },
      hint: 'Write the metrics as one JSON object of numbers, e.g. {"accuracy": 0.93, "loss": 0.21}.',
    });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError(`metrics file holds ${describe(data)}, not a JSON object of metrics`, {
      where: { file: display, line: 1, key: 'metrics' },
      hint: 'Write the metrics as one JSON object of numbers, e.g. {"accuracy": 0.93, "loss": 0.21}.',
    });
  }
  const metrics: Record<string, number> = {};
  const walk = (value: unknown, path: string[]) => {
    const key = path.join('.');
    if (typeof value === 'number') {
      metrics[key] = value; // JSON.parse never yields NaN or Infinity
      return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, inner] of Object.entries(value)) walk(inner, [...path, name]);
      return;
    }
    throw new UserError(`metric "${key}" is ${describe(value)}, not a number`, {
      where: { file: display, line: lineOf(path), key },
      hint: 'Every metric must be a finite number; put text and lists in the params file instead.',
    });
  };
  for (const [name, value] of Object.entries(data)) walk(value, [name]);
  return metrics;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The first bare NaN / Infinity literal (not a quoted string), with its key path. */
function findNonFinite(doc: Document): { path: string[]; literal: string } | undefined {
  const visit = (node: unknown, path: string[]): { path: string[]; literal: string } | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const found = visit(pair.value, [...path, key]);
        if (found) return found;
      }
      return undefined;
    }
    if (isScalar(node) && node.type === 'PLAIN') {
      const raw = typeof node.value === 'number' && !Number.isFinite(node.value) ? String(node.source ?? node.value) : String(node.value);
      if (NON_FINITE_LITERALS.has(raw) || (typeof node.value === 'number' && !Number.isFinite(node.value))) return { path, literal: raw };
    }
    return undefined;
  };
  return visit(doc.contents, []);
}
