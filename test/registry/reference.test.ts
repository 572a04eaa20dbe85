import { describe, expect, it } from 'vitest';
import { formatReference, parseModelReference, parseRegistryLocation, validateAlias, validateModelName, validateTag } from '../../shared/registry/reference.js';
import { nextVersion, latestVersion } from '../../shared/registry/versions.js';

const digest = `sha256:${'a'.repeat(64)}`;

describe('registry references', () => {
  it('parses local and remote references strictly', () => {
    expect(parseModelReference('.mlops/registry:v1')).toEqual({ location: { kind: 'layout', dir: '.mlops/registry' }, name: undefined, tag: 'v1', digest: undefined });
    expect(parseModelReference('path/to/layout:churn:prod')).toMatchObject({ location: { dir: 'path/to/layout' }, name: 'churn', tag: 'prod' });
    expect(parseModelReference(`.mlops/registry:churn@${digest}`)).toMatchObject({ name: 'churn', tag: undefined, digest });
    expect(parseModelReference(`reg@${digest}`)).toMatchObject({ location: { dir: 'reg' }, digest });
    expect(parseModelReference('oci://ghcr.io/org/models/churn:v3')).toMatchObject({ location: { kind: 'remote', host: 'ghcr.io', path: 'org/models' }, repository: 'org/models/churn', name: 'churn', tag: 'v3' });
    expect(parseModelReference(`oci://127.0.0.1:5000/churn:prod@${digest}`)).toMatchObject({ location: { host: '127.0.0.1:5000' }, tag: 'prod', digest });
    expect(parseModelReference(`oci://[::1]:5000/churn@${digest}`)).toMatchObject({ location: { host: '[::1]:5000' }, tag: undefined, digest });

    for (const bad of ['oci://ghcr.io/org/../x:v1', 'oci://ghcr.io/Org/x:v1', 'oci://ghcr.io/x', 'oci://ghcr.io/x@sha256:abc', 'oci://:5000/x:v1', 'https://ghcr.io/x:v1', '.mlops/registry', '.mlops/registry:a:b:c', 'reg:-bad', '']) {
      expect(() => parseModelReference(bad), bad).toThrow(/not a valid registry reference|not valid|contains/);
    }
    expect(parseRegistryLocation('oci://ghcr.io/org')).toEqual({ kind: 'remote', host: 'ghcr.io', path: 'org' });
    expect(parseRegistryLocation('oci://localhost:5000')).toEqual({ kind: 'remote', host: 'localhost:5000', path: '' });
    expect(() => parseRegistryLocation('oci://ghcr.io/org:v1')).toThrow(/has no tag or digest/);
    expect(formatReference({ kind: 'remote', host: 'ghcr.io', path: 'org' }, 'churn', 'v1', digest as never)).toBe(`ghcr.io/org/churn:v1@${digest}`);
  });

  it('validates names, tags and aliases', () => {
    expect(validateModelName('churn-classifier.v2')).toBe('churn-classifier.v2');
    expect(() => validateModelName('team/model')).toThrow(/contains a slash/);
    expect(() => validateModelName('a..b')).toThrow(/contains "\.\."/);
    expect(() => validateModelName('Churn')).toThrow(/not valid/);
    expect(() => validateModelName('churn-')).toThrow(/not valid/);
    expect(() => validateTag('latest', 'version')).toThrow(/reserved/);
    expect(() => validateTag('.hidden', 'version')).toThrow(/not a valid tag/);
    expect(() => validateTag('x'.repeat(129), 'version')).toThrow(/not a valid tag/);
    expect(() => validateAlias('v12')).toThrow(/looks like a version/);
    expect(validateAlias('prod')).toBe('prod');
  });

  it('numbers versions after the highest v<N>', () => {
    expect(nextVersion([])).toBe('v1');
    expect(nextVersion(['v1', 'v10', 'v9', 'prod', 'v2-rc', 'v03'])).toBe('v11');
    expect(latestVersion(['prod', 'v2', 'v10'])).toBe('v10');
    expect(latestVersion(['prod'])).toBeUndefined();
  });
});
