// register: the gated example model, its card and run record into the default local registry
// (an OCI image layout directory, .mlops/registry), then the registry listed, a version pulled
// back with every digest verified, and a failed gate refused.
export default async function register(ctx) {
  ctx.mlops(['register', '--model', 'mlops-out/model.onnx', '--aliases', 'candidate']);
  ctx.show('local registry (OCI image layout)', '.mlops/registry/index.json');
  ctx.show('run record (registry section)', 'mlops-out/mlops-run.json');
  ctx.mlops(['registry', 'list', '.mlops/registry']);
  ctx.mlops(['registry', 'show', '.mlops/registry:candidate']);
  ctx.mlops(['registry', 'pull', '.mlops/registry:latest', 'mlops-out/pulled']);
  ctx.show('pulled version (verified)', 'mlops-out/pulled');

  console.log('\n--- the weak model failed its gate: register must refuse it ---');
  ctx.mlops(['register', '--model', 'mlops-out/weak.onnx', '--record', 'mlops-out/failing-run.json'], { expect: [1] });
}
