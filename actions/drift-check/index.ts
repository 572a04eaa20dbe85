import { runAsAction } from '../../shared/host/run-as-action.js';
import { driftCheckStage } from './drift-check.js';

await runAsAction(driftCheckStage);
