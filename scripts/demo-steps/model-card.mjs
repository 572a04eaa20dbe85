// model-card: the card from mlops.yml and the run record the earlier steps wrote.
export default async function modelCard(ctx) {
  ctx.mlops(['model-card', '--require', 'intended_use,limitations,ethical_considerations']);
  ctx.show('model card', 'mlops-out/MODEL_CARD.md');
  ctx.show('model card JSON', 'mlops-out/model-card.json');
  ctx.show('run record', 'mlops-out/mlops-run.json');
}
