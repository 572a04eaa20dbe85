// Regenerates inferenceservice.v1beta1.json: the openAPIV3Schema of KServe's InferenceService
// CRD (serving.kserve.io_inferenceservices.yaml, Apache-2.0, controller-gen v0.19.0), as the
// CRD ships it, so the deploy stage validates manifests against the cluster's own schema.
// Usage: node shared/deploy/kserve/schema/extract.mjs path/to/serving.kserve.io_inferenceservices.yaml
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const source = process.argv[2];
if (!source) throw new Error('usage: extract.mjs <serving.kserve.io_inferenceservices.yaml>');
const crd = YAML.parse(readFileSync(source, 'utf8'));
const version = crd.spec.versions.find((v) => v.name === 'v1beta1');
const out = { crd: crd.metadata.name, generator: crd.metadata.annotations?.['controller-gen.kubebuilder.io/version'] ?? null, version: 'v1beta1', openAPIV3Schema: version.schema.openAPIV3Schema };
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'inferenceservice.v1beta1.json'), JSON.stringify(out) + '\n');
