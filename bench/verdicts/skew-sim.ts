/**
 * Our skew check on the samples skew_samples.py wrote (both from the same distributions), in
 * process: validateData (the function the data-validate action calls: DuckDB scan, profile) on the
 * reference, then on the current data against that profile, with the default skew settings
 * (PSI 0.25, JS distance 0.1, each also above its 99 % sampling-noise level). A column is a false
 * alarm when psiFlagged or jsdFlagged (the data-validate "skew" finding); a data set when any
 * column is. Evidently's figures come from meta.json (SciPy, same samples).
 * Usage: node bench/verdicts/run.mjs skew <dir> > bench/verdicts/results/skew.json
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataContract } from '../../shared/config/sections/data.js';
import { LocalHost } from '../../shared/host/local-host.js';
import { resolveData } from '../../shared/data/resolve.js';
import { validateData } from '../../shared/data/validate/validate.js';

interface Meta {
  columns: string[];
  sizes: { reference_rows: number; current_rows: number; reps: number; folder: string; evidently: { per_column: Record<string, number>; any_column: number; share50: number } }[];
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: skew-sim.ts <dir written by skew_samples.py>');
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
const host = new LocalHost({ cwd: dir, inputs: {}, env: process.env, summaryPath: '/dev/null', out: () => {}, err: () => {} });
const contract = {} as DataContract;

const sizes = [];
for (const size of meta.sizes) {
  const began = performance.now();
  const perColumn: Record<string, number> = Object.fromEntries(meta.columns.map((c) => [c, 0]));
  const compared: Record<string, number> = Object.fromEntries(meta.columns.map((c) => [c, 0]));
  const maxStatistic: Record<string, { psi: number; jsd: number }> = {};
  let anyColumn = 0;
  for (let rep = 0; rep < size.reps; rep++) {
    const ref = await validateData(await resolveData(dir, `${size.folder}/${rep}-reference.csv`), contract, { host, configFile: 'mlops.yml' });
    const cur = await validateData(await resolveData(dir, `${size.folder}/${rep}-current.csv`), contract, { host, configFile: 'mlops.yml', reference: ref.profile });
    let flagged = false;
    for (const row of cur.skew) {
      compared[row.column]!++;
      const m = (maxStatistic[row.column] ??= { psi: 0, jsd: 0 });
      m.psi = Math.max(m.psi, row.psi);
      m.jsd = Math.max(m.jsd, row.jsd);
      if (row.psiFlagged || row.jsdFlagged) {
        perColumn[row.column]!++;
        flagged = true;
      }
    }
    if (flagged) anyColumn++;
  }
  const seconds = (performance.now() - began) / 1000;
  sizes.push({ ...size, ours: { per_column: perColumn, compared, any_column: anyColumn, max_statistic: maxStatistic }, seconds });
  process.stderr.write(`${size.folder}: ${size.reps} reps in ${seconds.toFixed(0)} s; ours per column ${JSON.stringify(perColumn)} any ${anyColumn}; Evidently ${JSON.stringify(size.evidently)}\n`);
}
process.stdout.write(`${JSON.stringify({ columns: meta.columns, settings: 'default: psi 0.25, jsd 0.1, bins 10, significance 0.01', sizes }, null, 1)}\n`);
