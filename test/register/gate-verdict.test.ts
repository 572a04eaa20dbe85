// Threat: an inconclusive or insufficient-evidence gate (passed by gate.inconclusive /
// gate.insufficient_evidence: warn) or a failure overridden in
// mlops.yml lets register create a version and move aliases. Only a verdict of pass registers
// without force-reason.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.js';
import { MODEL, makeWorkspace } from './workspace.js';

function setVerdict(cwd: string, verdict: string, extra: Record<string, unknown> = {}): void {
  const file = join(cwd, 'mlops-out/mlops-run.json');
  const record = JSON.parse(readFileSync(file, 'utf8'));
  Object.assign(record.evaluation, { verdict, passed: true, ...extra });
  writeFileSync(file, JSON.stringify(record));
}

describe('register and the gate verdict', () => {
  it.each([
    ['inconclusive', {}, /the gate verdict is "inconclusive" \(the gate step passed by policy: gate\.inconclusive\)/],
    ['insufficient-evidence', {}, /the gate verdict is "insufficient-evidence" \(the gate step passed by policy: gate\.insufficient_evidence\)/],
    ['insufficient-evidence', { passed: false }, /the gate verdict is "insufficient-evidence"(?! \()/],
    ['fail', { override: { reason: 'release train, reviewed by the team' } }, /the gate verdict is "fail" \(the gate step passed by policy: overridden\)/],
  ])('a gate verdict of %s does not register without force-reason', async (verdict, extra, message) => {
    const { cwd } = makeWorkspace({ name: 'verdicts' });
    setVerdict(cwd, verdict, extra);
    const refused = await runAction('register', { cwd, inputs: { model: MODEL, aliases: 'prod' } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(message);
    const forced = await runAction('register', { cwd, inputs: { model: MODEL, aliases: 'prod', 'force-reason': 'accepted after a manual review of the slices' } });
    expect(forced.code, forced.stdout).toBe(0);
  });
});
