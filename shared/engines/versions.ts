/**
 * The native engines the bundles leave external, pinned by version and npm integrity.
 * test/engines/versions.test.ts checks these against package-lock.json so they never drift.
 */
export const ENGINES = {
  'onnxruntime-node': {
    version: '1.30.0',
    integrity: 'sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw==',
  },
  '@duckdb/node-api': {
    version: '1.5.5-r.5',
    integrity: 'sha512-ZMX+sel3DjSKbGuQ44Y5Tp5LwYjlJkhB5faKr+9sSMcxixDMSW+8vaTOD1uRDuN9o0udUoCY/XX9PI1haEZuZg==',
  },
} as const;

export type EngineName = keyof typeof ENGINES;
