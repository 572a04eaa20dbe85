import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/run-action.js';

type Job = { permissions?: Record<string, string>; environment?: string; 'runs-on': unknown; steps: { uses?: string; with?: Record<string, unknown> }[] };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; concurrency?: { group: string; 'cancel-in-progress': boolean }; jobs: Record<string, Job> };

const load = (name: string) => parse(readFileSync(join(ROOT, 'workflows-templates', name), 'utf8')) as Workflow;

/** Every `with:` key of an mlops step must be an input of that stage's action.yml. */
function checkStepInputs(workflow: Workflow) {
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps) {
      const stage = /^mlops-actions\/mlops-actions\/actions\/([a-z-]+)@/.exec(step.uses ?? '')?.[1];
      if (!stage) continue;
      const inputs = (parse(readFileSync(join(ROOT, 'actions', stage, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs;
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(inputs), `${stage}: ${key}`).toContain(key);
    }
  }
}

describe('loop templates', () => {
  it('ml-drift.yml runs daily and on demand with least privilege, and dispatches ml-retrain.yml', () => {
    const w = load('ml-drift.yml');
    expect(Object.keys(w.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(w.permissions).toEqual({ contents: 'read' });
    const job = w.jobs.drift!;
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write', actions: 'write', packages: 'read' });
    const step = job.steps.find((s) => s.uses?.includes('/drift-check@'))!;
    expect(step.with).toMatchObject({ dispatch: 'ml-retrain.yml' });
    checkStepInputs(w);
  });

  it('ml-retrain.yml: dispatch inputs, concurrency, GPU training, production environment for deploy, no write permission where none is needed', () => {
    const w = load('ml-retrain.yml');
    expect(Object.keys(w.on)).toEqual(['workflow_dispatch']);
    expect(Object.keys((w.on.workflow_dispatch as { inputs: object }).inputs)).toEqual(['reason', 'drift_run_url']);
    expect(w.concurrency).toMatchObject({ 'cancel-in-progress': false });
    expect(w.permissions).toEqual({ contents: 'read' });
    const order = Object.values(w.jobs).flatMap((j) => j.steps.map((s) => /actions\/([a-z-]+)@v1$/.exec(s.uses ?? '')?.[1]).filter((s) => s && !['checkout', 'upload-artifact', 'download-artifact'].includes(s)));
    expect(order).toEqual(['data-validate', 'train', 'evaluate-gate', 'model-card', 'register', 'deploy']);
    expect(w.jobs.train!['runs-on']).toEqual(['self-hosted', 'gpu']);
    expect(w.jobs.deploy!.environment).toBe('production');
    for (const [name, job] of Object.entries(w.jobs)) {
      const writes = Object.entries(job.permissions ?? {}).filter(([, v]) => v === 'write').map(([k]) => k);
      const expected: Record<string, string[]> = { validate: [], train: [], 'gate-and-register': ['packages'], deploy: ['packages', 'deployments'] };
      if (name === 'validate') expect(job.permissions).toEqual({ contents: 'read', actions: 'read' });
      expect(writes, name).toEqual(expected[name]);
    }
    checkStepInputs(w);
  });
});
