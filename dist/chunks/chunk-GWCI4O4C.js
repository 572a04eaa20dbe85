import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/node/builtins.ts
var crypto = () => process.getBuiltinModule("node:crypto");
var childProcess = () => process.getBuiltinModule("node:child_process");
var zlib = () => process.getBuiltinModule("node:zlib");
var readline = () => process.getBuiltinModule("node:readline");
var workerThreads = () => process.getBuiltinModule("node:worker_threads");

export {
  crypto,
  childProcess,
  zlib,
  readline,
  workerThreads
};
