/** Vitest wiring shared by action tests that talk to the fake GitHub API. */
import { afterEach, beforeEach, expect } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './index.js';

/**
 * Starts a fresh fake per test and, after it, asserts that every request passed OpenAPI
 * validation before closing it. Returns a getter for the current fake.
 */
export function useFakeGitHub(): () => FakeGitHub {
  let gh: FakeGitHub | undefined;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    expect(gh!.validationErrors).toEqual([]);
    await gh!.close();
  });
  return () => gh!;
}

/** A pull_request event payload as the runner writes it (head ≠ base means a fork). */
export function pullRequestEvent(number: number, headRepo: string, baseRepo = headRepo) {
  return { pull_request: { number, head: { repo: { full_name: headRepo } }, base: { repo: { full_name: baseRepo } } } };
}
