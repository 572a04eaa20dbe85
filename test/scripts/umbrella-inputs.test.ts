/**
 * The umbrella action.yml declares every stage's inputs once. An input several stages share
 * (config, record, data, model, github-token, …) must be described so that it fits each of them:
 * the description carries every using stage's own description.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/stage/action-metadata.js';
import { ROOT } from '../support/run-action.js';

type Spec = { inputs: Record<string, { description: string }> };
const spec = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8')) as Spec;

describe('umbrella action.yml', () => {
  const umbrella = spec('action.yml');

  it.each(['config', 'record', 'data', 'model', 'github-token', 'reference', 'insecure'])('"%s" is described for every stage that takes it', (name) => {
    const description = umbrella.inputs[name]!.description;
    const users = STAGES.filter((stage) => name in spec(`actions/${stage}/action.yml`).inputs);
    expect(users.length).toBeGreaterThan(1);
    for (const stage of users) {
      const own = spec(`actions/${stage}/action.yml`).inputs[name]!.description.replace(/\.$/, '');
      expect(description, stage).toContain(own);
    }
  });

  it('declares exactly the union of the stages\' inputs, plus stage', () => {
    const union = new Set(STAGES.flatMap((stage) => Object.keys(spec(`actions/${stage}/action.yml`).inputs)));
    expect(new Set(Object.keys(umbrella.inputs))).toEqual(new Set(['stage', ...union]));
  });
});
