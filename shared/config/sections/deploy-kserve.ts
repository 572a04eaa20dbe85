import { z } from 'zod';

const Quantity = z.union([z.string().min(1), z.number()]);
export const KserveResources = z
  .strictObject({
    requests: z.record(z.string(), Quantity).optional(),
    limits: z.record(z.string(), Quantity).optional(),
  })
  .describe('Container resources of the predictor: requests and limits (cpu, memory, nvidia.com/gpu, …).');

export const KserveSection = z
  .strictObject({
    namespace: z.string().min(1).optional().describe('Kubernetes namespace of the InferenceService (default: the kubeconfig context\'s, else default).'),
    name: z.string().min(1).optional().describe('InferenceService name (default: the model name).'),
    runtime: z.string().min(1).optional().describe('ServingRuntime / ClusterServingRuntime name (default: none, KServe picks one for ONNX with the v2 protocol).'),
    resources: KserveResources.optional(),
    annotations: z.record(z.string(), z.string()).optional().describe('Extra annotations on the InferenceService.'),
    labels: z.record(z.string(), z.string()).optional().describe('Extra labels on the InferenceService.'),
    min_replicas: z.number().int().min(0).optional().describe('predictor.minReplicas.'),
    max_replicas: z.number().int().min(1).optional().describe('predictor.maxReplicas.'),
    service_account: z.string().min(1).optional().describe('predictor.serviceAccountName (it needs pull access to the modelcar image).'),
    node_selector: z.record(z.string(), z.string()).optional().describe('predictor.nodeSelector (e.g. GPU nodes).'),
    predictor: z.record(z.string(), z.unknown()).optional().describe('Fields merged over the rendered spec.predictor (checked against the KServe CRD schema before anything is sent).'),
    storage: z
      .strictObject({
        base_image: z.string().min(1).optional().describe('Registry reference (pinned by digest) of the modelcar base image in the model\'s registry, e.g. a busybox copy: KServe\'s modelcar sidecar runs `sh -c "ln …; sleep"` in it.'),
      })
      .optional()
      .describe('How the model reaches the cluster: an OCI modelcar image published beside the registered version.'),
    poll_seconds: z.number().min(0.05).max(60).optional().describe('How often the InferenceService\'s status is read while waiting (default 2).'),
    ready_timeout_seconds: z.number().min(1).max(86_400).optional().describe('How long each change may take to become Ready with the expected traffic (default 600).'),
  })
  .describe('The KServe target (target: kserve).');
