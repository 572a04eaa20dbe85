// evaluate-gate: train a "champion" stand-in with other hyper-parameters, gate the candidate
// from the train step against it (both re-scored on the same holdout), then show a failing
// gate with a deliberately weak candidate. --explain adds permutation feature importance of
// both models (docs/governance.md) to the report, the record and the card.
export default async function evaluateGate(ctx) {
  ctx.run(process.execPath, ['train.mjs', '--data', 'data/train.csv', '--out', 'mlops-out/champion.onnx', '--metrics', 'mlops-out/champion-metrics.json', '--params', 'mlops-out/champion-params.json', '--iterations', '120', '--l2', '0.05', '--log-every', '1000']);
  ctx.mlops(['evaluate-gate', '--model', 'mlops-out/model.onnx', '--baseline', 'mlops-out/champion.onnx', '--data', 'data/holdout.csv', '--explain', 'true']);
  ctx.show('gate report', 'mlops-out/evaluate-gate/report.md');
  ctx.show('gate results', 'mlops-out/evaluate-gate/results.json');
  ctx.show('run record (evaluation section)', 'mlops-out/mlops-run.json');

  console.log('\n--- a weak candidate (2 features, 5 iterations) must fail the gate ---');
  ctx.run(process.execPath, ['train.mjs', '--data', 'data/train.csv', '--features', 'mean_radius,mean_texture', '--iterations', '5', '--out', 'mlops-out/weak.onnx', '--metrics', 'mlops-out/weak-metrics.json', '--params', 'mlops-out/weak-params.json', '--log-every', '1000']);
  ctx.mlops(['evaluate-gate', '--model', 'mlops-out/weak.onnx', '--baseline', 'mlops-out/champion.onnx', '--data', 'data/holdout.csv', '--record', 'mlops-out/failing-run.json'], { expect: [1] });
  ctx.show('failing run record', 'mlops-out/failing-run.json');
  // The passing gate's report is the one the model card should describe: write it again, and say so.
  console.log('\n--- the passing gate again, so the record and report the model card reads are the passing ones ---');
  ctx.mlops(['evaluate-gate', '--model', 'mlops-out/model.onnx', '--baseline', 'mlops-out/champion.onnx', '--data', 'data/holdout.csv', '--explain', 'true'], { quiet: true });
}
