import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  _gte,
  _lte,
  _minLength,
  _regex,
  describe,
  int,
  number2 as number,
  optional,
  record,
  strictObject,
  string,
  union,
  unknown
} from "./chunk-A3VPNE7V.js";

// shared/config/sections/deploy-kserve.ts
var Quantity = union([string().check(_minLength(1)), number()]);
var KserveResources = strictObject({
  requests: optional(record(string(), Quantity)),
  limits: optional(record(string(), Quantity))
}).check(describe("Container resources of the predictor: requests and limits (cpu, memory, nvidia.com/gpu, \u2026)."));
var KserveSection = strictObject({
  namespace: optional(string().check(_minLength(1))).check(describe("Kubernetes namespace of the InferenceService (default: the kubeconfig context's, else default).")),
  name: optional(string().check(_minLength(1))).check(describe("InferenceService name (default: the model name).")),
  runtime: optional(string().check(_minLength(1))).check(describe("ServingRuntime / ClusterServingRuntime name (default: none, KServe picks one for ONNX with the v2 protocol).")),
  resources: optional(KserveResources),
  annotations: optional(record(string(), string())).check(describe("Extra annotations on the InferenceService.")),
  labels: optional(record(string(), string())).check(describe("Extra labels on the InferenceService.")),
  min_replicas: optional(number().check(int(), _gte(0))).check(describe("predictor.minReplicas.")),
  max_replicas: optional(number().check(int(), _gte(1))).check(describe("predictor.maxReplicas.")),
  service_account: optional(string().check(_minLength(1))).check(describe("predictor.serviceAccountName (it needs pull access to the modelcar image).")),
  node_selector: optional(record(string(), string())).check(describe("predictor.nodeSelector (e.g. GPU nodes).")),
  predictor: optional(record(string(), unknown())).check(describe("Fields merged over the rendered spec.predictor (checked against the KServe CRD schema before anything is sent).")),
  storage: optional(strictObject({
    base_image: optional(string().check(_minLength(1))).check(describe("Registry reference (pinned by digest) of the modelcar base image in the model's registry, e.g. a busybox copy: KServe's modelcar sidecar runs `sh -c \"ln \u2026; sleep\"` in it."))
  })).check(describe("How the model reaches the cluster: an OCI modelcar image published beside the registered version.")),
  prometheus: optional(strictObject({
    url: string().check(_minLength(1), describe("Base URL of the Prometheus server that scrapes the predictor pods (its HTTP API, /api/v1/query, is queried).")),
    selector: optional(string().check(_minLength(1))).check(describe(`Label matchers picking one revision's pods; {namespace}, {name} (the InferenceService) and {revision} are filled in (default: namespace="{namespace}", serving_knative_dev_revision="{revision}").`)),
    bearer_token_env: optional(string().check(_regex(/^[A-Za-z_][A-Za-z0-9_]*$/))).check(describe("Name of an environment variable of the step holding a bearer token for Prometheus (never logged)."))
  })).check(describe("Read the canary analysis's series from Prometheus, summed over every pod of each revision (needed with more than one replica: a scrape through a revision's URL reaches one pod). Default: each revision's /metrics.")),
  poll_seconds: optional(number().check(_gte(0.05), _lte(60))).check(describe("How often the InferenceService's status is read while waiting (default 2).")),
  ready_timeout_seconds: optional(number().check(_gte(1), _lte(86400))).check(describe("How long each change may take to become Ready with the expected traffic (default 600)."))
}).check(describe("The KServe target (target: kserve)."));

export {
  KserveResources,
  KserveSection
};
