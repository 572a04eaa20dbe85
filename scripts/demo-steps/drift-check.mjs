// drift-check: the holdout against the training profile (no drift), then a copy of the holdout
// with two features shifted as production data might drift: drift-check reports the drifted
// columns with histograms and, outside Actions, shows what it would send to GitHub (the
// model-drift issue and the dispatch of ml-retrain.yml) instead of sending it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function driftCheck(ctx) {
  ctx.mlops(['drift-check', '--current', 'data/holdout.csv', '--reference', 'mlops-out/data-validate/train/profile.json', '--record', 'mlops-out/drift-run.json']);
  ctx.show('drift report (no drift)', 'mlops-out/drift-check/report.md');

  console.log('\n--- production traffic drifts: mean_radius +20 %, mean_area +45 % ---');
  const [header, ...rows] = readFileSync(join(ctx.work, 'data/holdout.csv'), 'utf8').trim().split('\n');
  const names = header.split(',');
  const scale = { mean_radius: 1.2, mean_area: 1.45 };
  const shifted = rows.map((row) => row.split(',').map((cell, i) => (scale[names[i]] ? String(Number((Number(cell) * scale[names[i]]).toFixed(4))) : cell)).join(','));
  writeFileSync(join(ctx.work, 'data/production-shifted.csv'), `${header}\n${shifted.join('\n')}\n`);
  ctx.mlops(['drift-check', '--current', 'data/production-shifted.csv', '--reference', 'mlops-out/data-validate/train/profile.json', '--dispatch', 'ml-retrain.yml', '--record', 'mlops-out/drift-run.json']);
  ctx.show('drift report (drift, with histograms)', 'mlops-out/drift-check/report.md');
  ctx.show('what would be sent to GitHub', 'mlops-out/drift-check/github-plan.json');
}
