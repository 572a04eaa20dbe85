/** Test workspaces for drift-check: a reference and current samples written as CSV or capture JSONL. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Xoshiro128 } from '../../shared/stats/prng.js';
import { runAction, type ActionResult } from '../support/run-action.js';

export interface Shift {
  /** Added to income, in reference standard deviations (sd 10). */
  income?: number;
  /** Share of plan "c" (reference 0.2). */
  planC?: number;
}

export interface Row {
  age: number;
  income: number;
  plan: string;
  churned: number;
}

export function sampleRows(n: number, seed: number, shift: Shift = {}): Row[] {
  const rng = new Xoshiro128(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  const planC = shift.planC ?? 0.2;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const u = rng.nextDouble();
    rows.push({
      age: Math.round(40 + 12 * normal()),
      income: Number((50 + 10 * normal() + 10 * (shift.income ?? 0)).toFixed(3)),
      plan: u < planC ? 'c' : u < planC + (1 - planC) / 2 ? 'a' : 'b',
      churned: rng.nextDouble() < 0.3 ? 1 : 0,
    });
  }
  return rows;
}

export function toCsv(rows: Row[]): string {
  return `id,age,income,plan,churned\n${rows.map((r, i) => `C${String(i).padStart(6, '0')},${r.age},${r.income},${r.plan},${r.churned}`).join('\n')}\n`;
}

/** Rows as `mlops serve --capture` writes them, with a binary classifier's class probabilities. */
export function toCapture(rows: Row[], model = 'churn', probabilityShift = 0): string {
  return rows
    .map((r, i) => {
      const p = Math.min(0.99, Math.max(0.01, 1 / (1 + Math.exp(-((r.income - 50) / 10 + probabilityShift)))));
      return JSON.stringify({ timestamp: new Date(Date.UTC(2026, 11, 1, 0, 0, i % 60)).toISOString(), model, version: 'v1', request_id: `r${i}`, age: r.age, income: r.income, plan: r.plan, churned: r.churned, 'output.label': p > 0.5 ? 1 : 0, 'output.probabilities': [1 - p, p] });
    })
    .join('\n') + '\n';
}

export function workspace(files: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'mlops-drift-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, path)), { recursive: true });
    writeFileSync(join(cwd, path), text);
  }
  return cwd;
}

export function drift(cwd: string, inputs: Record<string, string>, extra: Partial<Parameters<typeof runAction>[1]> = {}): Promise<ActionResult> {
  return runAction('drift-check', { cwd, inputs, eventName: 'schedule', ...extra });
}
