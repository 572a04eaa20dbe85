import { runAsAction } from '../../shared/host/run-as-action.js';
import { trainStage } from './train.js';

await runAsAction(trainStage);
