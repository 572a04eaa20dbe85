/**
 * The umbrella action (action.yml at the repository root): `with: stage: <name>` runs that stage.
 * The runner applies only the umbrella's own defaults, so the chosen stage's defaults from its
 * action.yml are applied here to inputs left empty.
 * index.ts calls run(); so does GitHub's local runner: `npx @github/local-action run . actions/main.ts .env`.
 */
import * as core from '@actions/core';
import { ActionsHost } from '../shared/host/actions-host.js';
import { runAsAction } from '../shared/host/run-as-action.js';
import { isExpression, isStageName, readActionSpec, STAGES } from '../shared/stage/action-metadata.js';
import { suggestKey } from '../shared/config/suggest.js';
import { loadStage } from './stages.js';

export async function run(): Promise<void> {
  const stage = core.getInput('stage').trim();
  if (!isStageName(stage)) {
    const guess = suggestKey(stage, STAGES);
    core.setFailed(
      `mlops-actions: unknown stage "${stage}". ${guess ? `Did you mean "${guess}"? ` : ''}Stages: ${STAGES.join(', ')}.`,
    );
  } else {
    const spec = readActionSpec(stage);
    // The umbrella declares every stage's inputs; one meant for another stage would be ignored silently.
    for (const [name, input] of Object.entries(readActionSpec('umbrella').inputs)) {
      if (name !== 'stage' && !(name in spec.inputs) && core.getInput(name) !== '' && !isExpression(input.default ?? '')) {
        core.warning(`mlops-actions: input "${name}" is not an input of the ${stage} stage and is ignored.`);
      }
    }
    const host = new ActionsHost((name) => {
      const given = core.getInput(name);
      const fallback = spec.inputs[name]?.default;
      return given === '' && fallback !== undefined && !isExpression(fallback) ? fallback : undefined;
    });
    await runAsAction(await loadStage[stage](), host);
  }
}
