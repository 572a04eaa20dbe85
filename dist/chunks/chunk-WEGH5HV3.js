import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/serve/metric-names.ts
var REQUESTS = "mlops_serve_requests_total";
var DURATION = "mlops_serve_request_duration_seconds";
var PREDICTION = "mlops_serve_prediction";
var INSTANCE_INFO = "mlops_serve_instance_info";

export {
  REQUESTS,
  DURATION,
  PREDICTION,
  INSTANCE_INFO
};
