// Threats: training code in a job that holds `packages: write` (a process it leaves behind reads
// later steps' tokens from /proc/*/environ), and a pull request that passes its own gate by
// editing the holdout or the thresholds. For every template in workflows-templates/: a job that
// trains holds no write permission; a job that uses the trained model checks its sha256 against
// the train job's output before any stage reads it; in PR-triggered workflows the gate runs on a
// checkout of the base branch, not the PR head.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const TEMPLATES = new URL('../../workflows-templates/', import.meta.url).pathname;
const templates = readdirSync(TEMPLATES).filter((name) => /\.ya?ml$/.test(name)).sort();

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }
interface Job { permissions?: Record<string, string> | string; steps?: Step[]; needs?: string | string[]; outputs?: Record<string, string> }
interface Workflow { on: unknown; jobs: Record<string, Job> }

const stage = (step: Step) => /mlops-actions\/actions\/([a-z-]+)@/.exec(step.uses ?? '')?.[1];
const writes = (job: Job) => (typeof job.permissions === 'string' ? job.permissions.includes('write') : Object.values(job.permissions ?? {}).includes('write'));
const triggers = (on: unknown) => (typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on as object));

describe.each(templates)('%s', (name) => {
  const workflow = parse(readFileSync(join(TEMPLATES, name), 'utf8')) as Workflow;
  const jobs = Object.entries(workflow.jobs);
  const trainJobs = jobs.filter(([, job]) => job.steps?.some((s) => stage(s) === 'train')).map(([id]) => id);

  it('a job that runs training code holds no write permission', () => {
    for (const id of trainJobs) expect(writes(workflow.jobs[id]!), `job ${id}`).toBe(false);
  });

  it('a job that takes the trained model checks its sha256 against the train job before any stage reads it', () => {
    for (const [id, job] of jobs) {
      const needs = [job.needs ?? []].flat();
      if (!needs.some((n) => trainJobs.includes(n))) continue;
      const steps = job.steps ?? [];
      const check = steps.findIndex((s) => /sha256sum --check/.test(s.run ?? '') && /needs\.[\w-]+\.outputs\.model-sha256/.test(JSON.stringify(s.env ?? {})));
      const firstStage = steps.findIndex((s) => stage(s) !== undefined);
      expect(check, `job ${id} verifies the model`).toBeGreaterThanOrEqual(0);
      expect(check, `job ${id} verifies before the first stage`).toBeLessThan(firstStage);
    }
  });

  it('in a pull-request workflow the gate scores on the base branch\'s checkout', () => {
    if (!triggers(workflow.on).some((t) => String(t).startsWith('pull_request'))) return;
    for (const [id, job] of jobs) {
      if (!job.steps?.some((s) => stage(s) === 'evaluate-gate')) continue;
      const checkouts = job.steps.filter((s) => /^actions\/checkout@/.test(s.uses ?? ''));
      expect(checkouts.length, `job ${id}`).toBeGreaterThan(0);
      for (const c of checkouts) expect(String(c.with?.ref ?? ''), `job ${id}`).toMatch(/github\.event\.pull_request\.base\.sha/);
    }
  });
});
