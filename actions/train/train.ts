// Placeholder until the train stage lands: it fails clearly, never fakes success.
import { unavailableStage } from '../../shared/stage/unavailable.js';

export const trainStage = unavailableStage('train');
