/** workflows-templates/ml-deploy.yml through GitHub's own workflow parser (@actions/workflow-parser). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/run-action.js';

const FILE = 'workflows-templates/ml-deploy.yml';

describe(FILE, () => {
  const content = readFileSync(join(ROOT, FILE), 'utf8');

  it('parses and converts without errors', async () => {
    const result = parseWorkflow({ name: FILE, content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.map((j) => j.id.toString())).toEqual(['deploy']);
  });

  it('deploys through the production environment, queued per environment, with deployments: write', () => {
    const workflow = parse(content);
    expect(workflow.concurrency).toMatchObject({ 'cancel-in-progress': false });
    const job = workflow.jobs.deploy;
    expect(job.environment.name).toBe('production');
    expect(job.permissions).toMatchObject({ deployments: 'write', packages: 'write', contents: 'read' });
    const step = job.steps.find((s: { uses?: string }) => s.uses?.includes('/actions/deploy@'));
    const inputs = Object.keys(parse(readFileSync(join(ROOT, 'actions/deploy/action.yml'), 'utf8')).inputs);
    for (const name of Object.keys(step.with)) expect(inputs).toContain(name);
  });

  it('checks out every repository file the deploy step reads (sparse checkout)', () => {
    const job = parse(content).jobs.deploy;
    const checkout = job.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/checkout@'));
    const checkedOut = String(checkout.with['sparse-checkout']).split('\n').map((line) => line.trim()).filter(Boolean);
    const step = job.steps.find((s: { uses?: string }) => s.uses?.includes('/actions/deploy@'));
    const files = [step.with['smoke-data'], step.with.config ?? 'mlops.yml'].filter((f): f is string => typeof f === 'string' && !f.includes('${{'));
    for (const file of files) expect(checkedOut, file).toContain(file);
  });
});
