import { runAsAction } from '../../shared/host/run-as-action.js';
import { unavailableStage } from '../../shared/stage/unavailable.js';

await runAsAction(unavailableStage('drift-check'));
