import * as z from 'zod/mini';
import '../../zod/setup.js';

const Quantity = z.union([z.string().check(z.minLength(1)), z.number()]);
export const KserveResources = z.strictObject({
  requests: z.optional(z.record(z.string(), Quantity)),
  limits: z.optional(z.record(z.string(), Quantity)),
}).check(z.describe('Container resources of the predictor: requests and limits (cpu, memory, nvidia.com/gpu, …).'));

export const KserveSection = z.strictObject({
  namespace: z.optional(z.string().check(z.minLength(1))).check(z.describe('Kubernetes namespace of the InferenceService (default: the kubeconfig context\'s, else default).')),
  name: z.optional(z.string().check(z.minLength(1))).check(z.describe('InferenceService name (default: the model name).')),
  runtime: z.optional(z.string().check(z.minLength(1))).check(z.describe('ServingRuntime / ClusterServingRuntime name (default: none, KServe picks one for ONNX with the v2 protocol).')),
  resources: z.optional(KserveResources),
  annotations: z.optional(z.record(z.string(), z.string())).check(z.describe('Extra annotations on the InferenceService.')),
  labels: z.optional(z.record(z.string(), z.string())).check(z.describe('Extra labels on the InferenceService.')),
  min_replicas: z.optional(z.number().check(z.int(), z.gte(0))).check(z.describe('predictor.minReplicas.')),
  max_replicas: z.optional(z.number().check(z.int(), z.gte(1))).check(z.describe('predictor.maxReplicas.')),
  service_account: z.optional(z.string().check(z.minLength(1))).check(z.describe('predictor.serviceAccountName (it needs pull access to the modelcar image).')),
  node_selector: z.optional(z.record(z.string(), z.string())).check(z.describe('predictor.nodeSelector (e.g. GPU nodes).')),
  predictor: z.optional(z.record(z.string(), z.unknown())).check(z.describe('Fields merged over the rendered spec.predictor (checked against the KServe CRD schema before anything is sent).')),
  storage: z.optional(z.strictObject({
    base_image: z.optional(z.string().check(z.minLength(1))).check(z.describe('Registry reference (pinned by digest) of the modelcar base image in the model\'s registry, e.g. a busybox copy: KServe\'s modelcar sidecar runs `sh -c "ln …; sleep"` in it.')),
  })).check(z.describe('How the model reaches the cluster: an OCI modelcar image published beside the registered version.')),
  prometheus: z.optional(z.strictObject({
    url: z.string().check(z.minLength(1), z.describe('Base URL of the Prometheus server that scrapes the predictor pods (its HTTP API, /api/v1/query, is queried).')),
    selector: z.optional(z.string().check(z.minLength(1))).check(z.describe('Label matchers picking one revision\'s pods; {namespace}, {name} (the InferenceService) and {revision} are filled in (default: namespace="{namespace}", serving_knative_dev_revision="{revision}").')),
    bearer_token_env: z.optional(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/))).check(z.describe('Name of an environment variable of the step holding a bearer token for Prometheus (never logged).')),
  })).check(z.describe('Read the canary analysis\'s series from Prometheus, summed over every pod of each revision (needed with more than one replica: a scrape through a revision\'s URL reaches one pod). Default: each revision\'s /metrics.')),
  poll_seconds: z.optional(z.number().check(z.gte(0.05), z.lte(60))).check(z.describe('How often the InferenceService\'s status is read while waiting (default 2).')),
  ready_timeout_seconds: z.optional(z.number().check(z.gte(1), z.lte(86_400))).check(z.describe('How long each change may take to become Ready with the expected traffic (default 600).')),
}).check(z.describe('The KServe target (target: kserve).'));
