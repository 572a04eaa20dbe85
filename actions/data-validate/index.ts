import { runAsAction } from '../../shared/host/run-as-action.js';
import { dataValidateStage } from './data-validate.js';

await runAsAction(dataValidateStage);
