import { runAsAction } from '../../shared/host/run-as-action.js';
import { deployStage } from './deploy.js';

await runAsAction(deployStage);
