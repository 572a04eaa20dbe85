import { defineConfig } from 'vitest/config';

// Native engines (DuckDB, onnxruntime-node) and child processes are safest in forked workers.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
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
