// Placeholder until the register stage lands: it fails clearly, never fakes success.
import { unavailableStage } from '../../shared/stage/unavailable.js';

export const registerStage = unavailableStage('register');
