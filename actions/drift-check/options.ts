/** The drift-check inputs, parsed (action.yml and `mlops drift-check --<name>` share them). */
import { parseWorkflowFile } from '../../shared/github/dispatch.js';
import type { Host } from '../../shared/host/host.js';
import { booleanInput, enumInput, listInput, numberInput, optionalInput, requiredInput } from '../../shared/host/inputs.js';
import { DEFAULT_RECORD_PATH } from '../../shared/record/record.js';

export interface DriftCheckOptions {
  current: string;
  reference?: string;
  model?: string;
  columns: string[];
  configPath: string;
  issue: 'auto' | 'true' | 'false';
  dispatch?: string;
  cooldownHours: number;
  failOnDrift: boolean;
  recordPath: string;
  token: string;
  outDir: string;
}

export const OUT_DIR = 'mlops-out/drift-check';
export const DEFAULT_COOLDOWN_HOURS = 24;

export function readDriftOptions(host: Host): DriftCheckOptions {
  const dispatch = optionalInput(host, 'dispatch');
  return {
    current: requiredInput(host, 'current'),
    reference: optionalInput(host, 'reference'),
    model: optionalInput(host, 'model'),
    columns: listInput(host, 'columns'),
    configPath: host.input('config').trim(),
    issue: enumInput(host, 'issue', ['auto', 'true', 'false'] as const, 'auto'),
    dispatch: dispatch ? parseWorkflowFile(dispatch) : undefined,
    cooldownHours: numberInput(host, 'cooldown-hours', { min: 0, max: 24 * 365 }) ?? DEFAULT_COOLDOWN_HOURS,
    failOnDrift: booleanInput(host, 'fail-on-drift', false),
    recordPath: host.input('record').trim() || DEFAULT_RECORD_PATH,
    token: host.input('github-token'),
    outDir: OUT_DIR,
  };
}
