import { runAsAction } from '../../shared/host/run-as-action.js';
import { evaluateGateStage } from './evaluate-gate.js';

await runAsAction(evaluateGateStage);
