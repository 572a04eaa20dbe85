// train: the example's trainer run through the train stage (environment, live output, metric
// series, model hash, run record, summary), not called directly.
export default async function train(ctx) {
  const outputs = 'mlops-out/model.onnx --metrics mlops-out/metrics.json --params mlops-out/params.json';
  const result = ctx.mlops([
    'train',
    '--command', `node train.mjs --data data/train.csv --out ${outputs}`,
    '--model', 'mlops-out/model.onnx',
    '--metrics', 'mlops-out/metrics.json',
    '--params', 'mlops-out/params.json',
  ], { quiet: true });
  // The trainer's live output is in the log; show the environment and the stage's outputs.
  const lines = result.stdout.split('\n');
  const shown = lines.filter((line, i) => /^(os|cpu|gpu|python|git)\b/.test(line) || i >= lines.indexOf('outputs:'));
  process.stdout.write(`${shown.join('\n')}\n`);
  ctx.show('model', 'mlops-out/model.onnx');
  ctx.show('metrics', 'mlops-out/metrics.json');
  ctx.show('train summary (charts)', 'mlops-out/train-summary.md');
  ctx.show('run record (train section)', 'mlops-out/mlops-run.json');
}
