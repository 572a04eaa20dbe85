import { runAsAction } from '../../shared/host/run-as-action.js';
import { modelCardStage } from './model-card.js';

await runAsAction(modelCardStage);
