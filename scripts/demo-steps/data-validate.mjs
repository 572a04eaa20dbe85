// data-validate: the example's training and holdout data against the data: contract in
// mlops.yml (holdout also checked for skew against the training profile), then a copy of
// the training data with seeded defects, which must fail with exact rows and lines.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function dataValidate(ctx) {
  ctx.mlops(['data-validate', '--data', 'data/train.csv', '--out-dir', 'mlops-out/data-validate/train']);
  ctx.show('train data report', 'mlops-out/data-validate/train/report.md');
  ctx.mlops(['data-validate', '--data', 'data/holdout.csv', '--reference', 'mlops-out/data-validate/train/profile.json', '--out-dir', 'mlops-out/data-validate/holdout',
    // The run record's data section describes the training data; the holdout check keeps its own record.
    '--record', 'mlops-out/holdout-data-run.json']);
  ctx.show('holdout data report (with skew against train)', 'mlops-out/data-validate/holdout/report.md');

  console.log('\n--- a copy of train.csv with seeded defects must fail ---');
  const lines = readFileSync(join(ctx.work, 'data/train.csv'), 'utf8').split('\n');
  const header = lines[0].split(',');
  const set = (line, column, value) => {
    const cells = lines[line - 1].split(',');
    cells[header.indexOf(column)] = value;
    lines[line - 1] = cells.join(',');
  };
  set(5, 'mean_radius', 'n/a'); // type
  set(9, 'mean_area', '99999'); // range
  set(12, 'size_band', 'huge'); // values
  set(20, 'malignant', ''); // nullable
  set(30, 'id', lines[1].split(',')[0]); // unique (repeats line 2's id)
  writeFileSync(join(ctx.work, 'data/train-defects.csv'), lines.join('\n'));
  ctx.mlops(['data-validate', '--data', 'data/train-defects.csv', '--out-dir', 'mlops-out/data-validate/defects', '--record', 'mlops-out/failing-data-run.json'], { expect: [1] });
  ctx.show('failing data report', 'mlops-out/data-validate/defects/report.md');
  ctx.show('failing data results', 'mlops-out/data-validate/defects/results.json');
}
