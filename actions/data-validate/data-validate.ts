// Placeholder until the data-validate stage lands: it fails clearly, never fakes success.
import { unavailableStage } from '../../shared/stage/unavailable.js';

export const dataValidateStage = unavailableStage('data-validate');
