/**
 * Is the holdout the one the champion was judged on? In a pull request the holdout comes from
 * the PR's own checkout, so a PR could bring an easier holdout. The expected fingerprint is the
 * one pinned in mlops.yml (gate.holdout_fingerprint), else the one recorded in the registry
 * version of the baseline (register stores it as an annotation). A different holdout is refused
 * unless a reason is given; the reason is recorded in the run record and, by register, in the
 * version.
 */
import { UserError } from '../../shared/errors/user-error.js';

export interface HoldoutCheck {
  /** The holdout scored now. */
  fingerprint: string;
  expected?: string;
  /** Where the expected fingerprint came from. */
  from?: 'gate.holdout_fingerprint' | 'the baseline version';
  status: 'match' | 'changed' | 'unchecked';
  /** holdout-change-reason, when the holdout changed. */
  reason?: string;
}

export function checkHoldout(
  fingerprint: string,
  options: { pinned?: string; baselineFingerprint?: string; baselineRef?: string; changeReason?: string },
): HoldoutCheck {
  const fromBaseline = options.baselineFingerprint;
  const expected = options.pinned ?? fromBaseline;
  const from = options.pinned ? 'gate.holdout_fingerprint' : fromBaseline ? 'the baseline version' : undefined;
  if (!expected || !from) return { fingerprint, status: 'unchecked' };
  if (expected === fingerprint) return { fingerprint, expected, from, status: 'match' };
  if (!options.changeReason) {
    throw new UserError(`the holdout's fingerprint ${fingerprint} differs from ${from === 'gate.holdout_fingerprint' ? 'the one pinned in gate.holdout_fingerprint' : `the one ${options.baselineRef ?? 'the baseline'} was gated on`} (${expected})`, {
      where: { key: from === 'gate.holdout_fingerprint' ? 'gate.holdout_fingerprint' : 'data' },
      hint: 'Score on the same holdout as the champion (take it from the base branch or the registry, not from the PR), or give holdout-change-reason to record why the holdout changed.',
    });
  }
  return { fingerprint, expected, from, status: 'changed', reason: options.changeReason };
}
