// What a drift-check `reference` names, from its text alone.
import { describe, expect, it } from 'vitest';
import { classifyReference } from '../../shared/drift/reference.js';

describe('classifyReference', () => {
  it.each([
    ['profile.json', { kind: 'profile-file', path: 'profile.json' }],
    ['mlops-out/ref/profile.json', { kind: 'profile-file', path: 'mlops-out/ref/profile.json' }],
    ['data/ref.csv', { kind: 'data', spec: 'data/ref.csv' }],
    ['capture/churn/*/capture-*.jsonl', { kind: 'data', spec: 'capture/churn/*/capture-*.jsonl' }],
    ['.mlops/registry:churn:prod', { kind: 'registry', spec: '.mlops/registry:churn:prod' }],
    ['oci://ghcr.io/org/models/churn:prod', { kind: 'registry', spec: 'oci://ghcr.io/org/models/churn:prod' }],
    // Tags may end in ".json" or ".csv": still the registry, never a file of that name.
    ['.mlops/registry:churn:prod.json', { kind: 'registry', spec: '.mlops/registry:churn:prod.json' }],
    ['oci://ghcr.io/org/models/churn:v1.json', { kind: 'registry', spec: 'oci://ghcr.io/org/models/churn:v1.json' }],
    ['.mlops/registry:churn:v2.csv', { kind: 'registry', spec: '.mlops/registry:churn:v2.csv' }],
    // A file with such a name can only be named explicitly.
    ['./.mlops/registry:churn:prod.json', { kind: 'profile-file', path: './.mlops/registry:churn:prod.json' }],
    ['file:.mlops/registry:churn:prod.json', { kind: 'profile-file', path: '.mlops/registry:churn:prod.json' }],
    ['file:exports/2026-12-01T00:00.csv', { kind: 'data', spec: 'exports/2026-12-01T00:00.csv' }],
  ])('%s', (spec, expected) => {
    expect(classifyReference(spec)).toEqual(expected);
  });
});
