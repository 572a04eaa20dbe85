/**
 * Node built-ins that are slow to load, loaded on first use instead of at import, so that an
 * action's start path (process start to its first log line) holds only what it runs first.
 * Measured on a bare Node start of ~90 ms: `node:crypto` adds ~16 ms (OpenSSL and ~20 internal
 * modules), child_process, zlib, readline and worker_threads ~7 ms together (bench/start).
 * test/actions/start-path.test.ts fails when one of them is statically imported on a stage's path.
 */
export const crypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');
export const childProcess = (): typeof import('node:child_process') => process.getBuiltinModule('node:child_process');
export const zlib = (): typeof import('node:zlib') => process.getBuiltinModule('node:zlib');
export const readline = (): typeof import('node:readline') => process.getBuiltinModule('node:readline');
export const workerThreads = (): typeof import('node:worker_threads') => process.getBuiltinModule('node:worker_threads');
