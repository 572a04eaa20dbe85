import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Native engines (DuckDB, onnxruntime-node) and child processes are safest in forked workers.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // One test file more than cores (vitest's default is one fewer): most of the suite's time is
    // spent waiting on child processes (registries, mlops serve, kubectl, the bundled actions), so
    // the CPUs idle with fewer. Measured on 2 cores: 545 s with 1 file at a time, 385 s with 3, 414 s with 4.
    maxWorkers: availableParallelism() + 1,
    // Each worker runs file after file instead of a fresh process per file: starting one
    // (spawn, environment, imports) took 0.5–1.1 s per file, 130 times, and per-process caches
    // (compiled schemas, loaded native engines) were rebuilt in every file. No test relies on
    // a fresh process: none changes process.env, the cwd or globals without restoring them
    // (mermaid's own build flags, globalThis.injected, stay; only mermaid reads them).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/global-setup.ts'],
    // Skipped tests (only for missing system packages) end the run with a banner naming them.
    reporters: ['default', './test/support/skipped-reporter.ts'],
    // @actions/workflow-parser imports its JSON schema without an import attribute: only a
    // bundler (here, vite inlining it) can load it.
    server: { deps: { inline: [/@actions\/workflow-parser/, /@actions\/expressions/] } },
  },
});
