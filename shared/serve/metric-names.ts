/** Names of the server's metrics that clients read (deploy's canary analysis), without loading prom-client. */

/** Gauge, always 1, labelled with a random `instance_id` per server process. */
export const INSTANCE_INFO = 'mlops_serve_instance_info';
