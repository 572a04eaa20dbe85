/** Names of the server's metrics that clients read (deploy's canary analysis), without loading prom-client. */

/** Counter of inference requests, by model, answering version and HTTP status code. */
export const REQUESTS = 'mlops_serve_requests_total';
/** Histogram of inference request latency in seconds, by model and version. */
export const DURATION = 'mlops_serve_request_duration_seconds';
/** Histogram of the per-row prediction, by model and version (prediction-histogram.ts). */
export const PREDICTION = 'mlops_serve_prediction';
/** Gauge, always 1, labelled with a random `instance_id` per server process. */
export const INSTANCE_INFO = 'mlops_serve_instance_info';
