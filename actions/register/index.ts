import { runAsAction } from '../../shared/host/run-as-action.js';
import { registerStage } from './register.js';

await runAsAction(registerStage);
