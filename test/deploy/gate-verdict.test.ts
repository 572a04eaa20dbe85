// Threat: a version registered with force-reason after an inconclusive or insufficient-evidence
// gate is deployed as if it had passed. deploy accepts only the verdict "pass" (issue 13 #5).
import { describe, expect, it } from 'vitest';
import { checkGate, type VerifiedVersion } from '../../actions/deploy/verify.js';
import { UserError } from '../../shared/errors/user-error.js';
import { createRecordingHost } from '../support/recording-host.js';

function version(gateVerdict: string): VerifiedVersion {
  return { gateVerdict, version: { ref: '.mlops/registry:v3' } } as unknown as VerifiedVersion;
}

describe('deploy and the gate verdict', () => {
  it.each(['insufficient-evidence', 'inconclusive', 'fail', 'none', 'reported'])('refuses a version whose gate verdict is %s', (verdict) => {
    const host = createRecordingHost();
    const refuse = () => checkGate(version(verdict), true, undefined, host);
    expect(refuse).toThrow(UserError);
    expect(refuse).toThrow(`refusing to deploy: .mlops/registry:v3 has gate verdict "${verdict}", not "pass"`);
  });

  it('deploys a passed version, and a refused one only with force-reason (warned)', () => {
    const host = createRecordingHost();
    expect(() => checkGate(version('pass'), true, undefined, host)).not.toThrow();
    expect(() => checkGate(version('insufficient-evidence'), true, 'reviewed: holdout grows next sprint', host)).not.toThrow();
    expect(host.messages('warning').join('\n')).toContain('deploying although .mlops/registry:v3 has gate verdict "insufficient-evidence", not "pass"; forced: reviewed: holdout grows next sprint');
  });
});
