/**
 * What a new user reads must agree with itself: one `uses:` form and one model name in every doc
 * and template, the README's quick start asking for what the template it summarises asks for,
 * the self-hosted runner labels declared for actionlint, and the Node requirement the same in
 * package.json, the README and every dependency's `engines`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const templates = readdirSync(join(ROOT, 'workflows-templates')).filter((name) => /\.ya?ml$/.test(name));
const documents = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`), ...templates.map((name) => `workflows-templates/${name}`), 'workflows-templates/README.md'];

type Job = { 'runs-on'?: string | string[]; permissions?: Record<string, string>; steps?: { uses?: string }[] };

describe('docs and templates agree', () => {
  it('every `uses:` of this project has the one form: mlops-actions/mlops-actions[/actions/<stage>]@v1', () => {
    const odd: string[] = [];
    for (const path of documents) {
      for (const [, ref] of read(path).matchAll(/uses:\s*["']?([^\s"'`,}]+)/g)) {
        if (/^actions\//.test(ref!)) continue; // GitHub's own actions
        if (!/^mlops-actions\/mlops-actions(\/actions\/(data-validate|train|evaluate-gate|model-card|register|deploy|drift-check))?@v1$/.test(ref!)) odd.push(`${path}: ${ref}`);
      }
    }
    expect(odd).toEqual([]);
  });

  it('one model name outside the example: churn-classifier', () => {
    const names = new Set<string>();
    for (const path of documents) {
      const text = read(path);
      // Registry references (oci://…/<name>:tag, oci://…/<name>@digest, .mlops/registry:<name>:tag) and `name:` in mlops.yml snippets.
      for (const [, name] of text.matchAll(/oci:\/\/[^\s`"']*\/([a-z0-9][a-z0-9._-]*)[:@]/g)) names.add(name!);
      for (const [, name] of text.matchAll(/\.mlops\/registry:([a-z][a-z0-9._-]*):/g)) names.add(name!);
      for (const [, name] of text.matchAll(/^\s*model:\s*\{\s*name:\s*([a-z0-9._-]+)/gm)) names.add(name!);
    }
    names.delete('models'); // the repository path segment of oci://ghcr.io/<owner>/models/<name>
    names.delete('busybox'); // the KServe modelcar's base image (docs/deploy.md), not a model
    // Placeholders (oci://host/repo:tag, host/path/name:version) are not model names.
    expect([...names].filter((name) => !/^(host|repo|name|your-repo)$/.test(name))).toEqual(['churn-classifier']);
  });

  it("the README's quick start asks for the permissions of the pull-request template's jobs that run the same stages", () => {
    const readme = read('README.md');
    const block = /## Quick start\s+```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const quick = parse(block!) as { permissions: Record<string, string>; jobs: Record<string, Job> };
    const stagesOf = (job: Job) => (job.steps ?? []).map((step) => /actions\/([a-z-]+)@/.exec(step.uses ?? '')?.[1]).filter(Boolean);
    const quickStages = new Set(Object.values(quick.jobs).flatMap(stagesOf));
    const template = parse(read('workflows-templates/ml-pull-request.yml')) as { jobs: Record<string, Job> };
    const needed: Record<string, string> = {};
    for (const job of Object.values(template.jobs)) {
      if (!stagesOf(job).some((stage) => quickStages.has(stage))) continue;
      for (const [scope, level] of Object.entries(job.permissions ?? {})) if (needed[scope] !== 'write') needed[scope] = level;
    }
    expect(quick.permissions).toEqual(needed);
  });

  it('every self-hosted runner label in the templates is declared in github-config/actionlint.yaml', () => {
    const hosted = /^(ubuntu|windows|macos)-/;
    const declared = (parse(read('workflows-templates/github-config/actionlint.yaml')) as { 'self-hosted-runner': { labels: string[] } })['self-hosted-runner'].labels;
    const used = new Set<string>();
    for (const name of templates) {
      const workflow = parse(read(`workflows-templates/${name}`)) as { jobs: Record<string, Job> };
      for (const job of Object.values(workflow.jobs)) {
        for (const label of [job['runs-on'] ?? []].flat()) if (label !== 'self-hosted' && !hosted.test(label)) used.add(label);
      }
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((label) => !declared.includes(label))).toEqual([]);
  });
});

describe('the Node requirement', () => {
  const manifest = JSON.parse(read('package.json')) as { engines: { node: string } };
  const minimum = semver.minVersion(manifest.engines.node)!.version;

  it('the README states the minimum of package.json engines', () => {
    expect(read('README.md')).toContain(`Node.js ≥ ${minimum.replace(/\.0$/, '')}`);
  });

  it('every locked package (dev dependencies included) accepts the lowest Node of each range engines allows: no EBADENGINE', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    // The lowest version in each part of the range, e.g. 22.19.0 and 24.0.0 for "^22.19.0 || >=24".
    const lows = manifest.engines.node.split('||').map((part) => semver.minVersion(part.trim())!.version);
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!range) continue;
      for (const low of lows) if (!semver.satisfies(low, range)) refused.push(`${path} (${range}) refuses ${low}`);
    }
    expect(refused).toEqual([]);
  });
});
