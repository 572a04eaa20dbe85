/**
 * The messages zod's issues put in front of users, pinned word for word: the schemas are written
 * against zod/mini, which only reads like classic zod (and prints English at all) when
 * shared/zod/setup.ts has run, so a schema module that forgets it, or a zod update, shows here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/parse.js';
import { parseProfile } from '../../shared/drift/reference.js';
import { UserError } from '../../shared/errors/user-error.js';
import { newRecord, parseRecord } from '../../shared/record/record.js';
import { parseManifest } from '../../shared/registry/layout.js';
import { ROOT } from '../support/run-action.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error.format();
    throw error;
  }
  throw new Error('expected a UserError');
}

const base = newRecord(new Date('2026-01-01T00:00:00Z'));
const digest = `sha256:${'a'.repeat(64)}`;
const manifest = { schemaVersion: 2, config: { mediaType: 'x', digest, size: 1 }, layers: [] };

describe('schema errors read as before, in English', () => {
  it.each([
    ['gate:\n  bootstrap:\n    resamples: "many"\n', 'mlops.yml:3:16 (gate.bootstrap.resamples): Invalid input: expected number, received string. See `mlops schema` for every key and type.'],
    ['gate:\n  alpha: 0.7\n', 'mlops.yml:2:10 (gate.alpha): Too big: expected number to be <0.5. See `mlops schema` for every key and type.'],
    ['gate:\n  alpha: 0\n', 'mlops.yml:2:10 (gate.alpha): Too small: expected number to be >0. See `mlops schema` for every key and type.'],
    ['deploy:\n  url: not a url\n', 'mlops.yml:2:8 (deploy.url): Invalid URL. See `mlops schema` for every key and type.'],
    ['model:\n  name: Churn\n', 'mlops.yml:2:9 (model.name): lower-case letters, digits, ".", "_" and "-", starting with a letter or digit. See `mlops schema` for every key and type.'],
    ['model:\n  task: clustering\n', 'mlops.yml:2:3 (model.name): Invalid input: expected string, received undefined (and 1 more problem). See `mlops schema` for every key and type.'],
    ['data:\n  columns:\n    a:\n      min_length: 1.5\n', 'mlops.yml:4:19 (data.columns.a.min_length): Invalid input: expected int, received number. See `mlops schema` for every key and type.'],
    ['data:\n  columns:\n    a:\n      values: []\n', 'mlops.yml:4:15 (data.columns.a.values): Too small: expected array to have >=1 items. See `mlops schema` for every key and type.'],
    ['deploy:\n  environment: ""\n', 'mlops.yml:2:16 (deploy.environment): Too small: expected string to have >=1 characters. See `mlops schema` for every key and type.'],
    ['serve:\n  port: 70000\n', 'mlops.yml:2:9 (serve.port): Too big: expected number to be <=65535. See `mlops schema` for every key and type.'],
    ['gate:\n  holdout_fingerprint: abc\n', 'mlops.yml:2:24 (gate.holdout_fingerprint): Invalid string: must match pattern /^sha256:[0-9a-f]{64}$/. See `mlops schema` for every key and type.'],
    ['gate:\n  min_detectable: -1\n', 'mlops.yml:2:19 (gate.min_detectable): Too small: expected number to be >0. See `mlops schema` for every key and type.'],
    ['model: 5\n', 'mlops.yml:1:8 (model): Invalid input: expected object, received number. See `mlops schema` for every key and type.'],
    ['gate:\n  fairness: {}\n', 'mlops.yml:2:13 (gate.fairness.attributes): Invalid input: expected array, received undefined. See `mlops schema` for every key and type.'],
    ['data:\n  skew:\n    jsd: 0\n', 'mlops.yml:3:10 (data.skew.jsd): Too small: expected number to be >0. See `mlops schema` for every key and type.'],
    ['deploy:\n  steps: [10, 0.5]\n', 'mlops.yml:2:15 (deploy.steps[1]): Invalid input: expected int, received number. See `mlops schema` for every key and type.'],
    ['gate:\n  override:\n    reason: short\n', 'mlops.yml:3:13 (gate.override.reason): Too small: expected string to have >=10 characters. See `mlops schema` for every key and type.'],
    ['deploy:\n  kserve:\n    poll_seconds: 0.01\n', 'mlops.yml:3:19 (deploy.kserve.poll_seconds): Too small: expected number to be >=0.05. See `mlops schema` for every key and type.'],
    ['registry:\n  upload_chunk_bytes: 10\n', 'mlops.yml:2:23 (registry.upload_chunk_bytes): Too small: expected number to be >=65536. See `mlops schema` for every key and type.'],
    ['train:\n  epochs: 3\n', 'mlops.yml:2:3 (train.epochs): unknown key "epochs". Known keys here: (none in this version).'],
    ['- a\n- b\n', 'mlops.yml:1:1 ((top level)): Invalid input: expected object, received array. See `mlops schema` for every key and type.'],
  ])('mlops.yml %j', (text, expected) => {
    expect(messageOf(() => parseConfig(text, 'mlops.yml'))).toBe(expected);
  });

  it.each([
    [{ ...base, kind: 'other' }, 'mlops-run.json (kind): run record is invalid: Invalid input: expected "mlops-run". The file was not written by mlops-actions or is corrupt.'],
    [{ ...base, created_at: 5 }, 'mlops-run.json (created_at): run record is invalid: Invalid input: expected string, received number. The file was not written by mlops-actions or is corrupt.'],
    [{ ...base, history: [{}] }, 'mlops-run.json (history.0.stage): run record is invalid: Invalid input: expected string, received undefined. The file was not written by mlops-actions or is corrupt.'],
    [{ ...base, data: { fingerprint: 'x', files: [{ path: 'a', bytes: -1 }], rows: 1, errors: 0, warnings: 0 } }, 'mlops-run.json (data.files.0.bytes): run record is invalid: Too small: expected number to be >=0. The file was not written by mlops-actions or is corrupt.'],
    [{ ...base, registry: { digest: 'nope' } }, 'mlops-run.json (registry.registry): run record is invalid: Invalid input: expected string, received undefined. The file was not written by mlops-actions or is corrupt.'],
    [{ ...base, train: { command: 'x', environment: {}, started_at: 'x', duration_seconds: 1, exit_code: 1.5 } }, 'mlops-run.json (train.exit_code): run record is invalid: Invalid input: expected int, received number. The file was not written by mlops-actions or is corrupt.'],
  ])('run record %#', (record, expected) => {
    expect(messageOf(() => parseRecord(JSON.stringify(record), 'mlops-run.json'))).toBe(expected);
  });

  it.each([
    [{ ...manifest, config: { mediaType: 'x', digest: 'sha256:zz', size: 1 } }, 'manifest.json (config.digest): not an OCI image manifest: a sha256 digest'],
    [{ ...manifest, config: { mediaType: '', digest, size: 1 } }, 'manifest.json (config.mediaType): not an OCI image manifest: Too small: expected string to have >=1 characters'],
    [{ ...manifest, config: { mediaType: 'x', digest, size: -1 } }, 'manifest.json (config.size): not an OCI image manifest: Too small: expected number to be >=0'],
    [{ ...manifest, schemaVersion: 1 }, 'manifest.json (schemaVersion): not an OCI image manifest: Invalid input: expected 2'],
  ])('OCI manifest %#', (data, expected) => {
    expect(messageOf(() => parseManifest(Buffer.from(JSON.stringify(data)), 'manifest.json'))).toBe(expected);
  });

  it.each([
    ['{"kind":"x"}', 'ref.json (reference): not a data profile: Invalid input: expected "mlops-data-profile" at kind. Pass the profile JSON a data-validate run wrote (its `profile` output).'],
    ['{"kind":"mlops-data-profile","version":1,"rows":-1}', 'ref.json (reference): not a data profile: Invalid input: expected string, received undefined at fingerprint. Pass the profile JSON a data-validate run wrote (its `profile` output).'],
    ['[]', 'ref.json (reference): not a data profile: Invalid input: expected object, received array at (top level). Pass the profile JSON a data-validate run wrote (its `profile` output).'],
  ])('data profile %s', (text, expected) => {
    expect(messageOf(() => parseProfile(text, 'ref.json'))).toBe(expected);
  });
});

describe('schema modules', () => {
  const sources = ['shared', 'actions', 'cli'].flatMap((dir) => tsFiles(join(ROOT, dir)));

  it('import zod/mini, never zod classic', () => {
    const classic = sources.filter((file) => /from 'zod(\/v4)?(\/classic)?'/.test(readFileSync(file, 'utf8')));
    expect(classic.map((file) => relative(ROOT, file))).toEqual([]);
    expect(sources.some((file) => readFileSync(file, 'utf8').includes("from 'zod/mini'"))).toBe(true);
  });

  it('that build schemas import shared/zod/setup.ts beside zod/mini', () => {
    const withoutSetup = sources.filter((file) => {
      const source = readFileSync(file, 'utf8');
      return /^import \* as z from 'zod\/mini';$/m.test(source) && !/^import '(\.\.?\/)+(shared\/)?zod\/setup\.js';$/m.test(source) && !/^import '\.\/setup\.js';$/m.test(source);
    });
    expect(withoutSetup.map((file) => relative(ROOT, file))).toEqual([]);
  });
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
