// Placeholder until the evaluate-gate stage lands: it fails clearly, never fakes success.
import { unavailableStage } from '../../shared/stage/unavailable.js';

export const evaluateGateStage = unavailableStage('evaluate-gate');
