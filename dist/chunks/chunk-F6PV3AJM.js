import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  crypto,
  workerThreads
} from "./chunk-GWCI4O4C.js";

// shared/data/fingerprint.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
async function fingerprintData(source) {
  const digests = await hashOnWorker(source.files).catch(() => hashFiles(source.files));
  const files = [];
  for (let i = 0; i < source.files.length; i++) {
    files.push({ path: source.displayFiles[i], bytes: (await stat(source.files[i])).size, sha256: digests[i] });
  }
  const combined = crypto().createHash("sha256");
  for (const file of files) combined.update(`${file.bytes}\0${file.sha256}
`);
  return { fingerprint: `sha256:${combined.digest("hex")}`, files };
}
async function hashFiles(paths) {
  const digests = [];
  for (const file of paths) {
    const hash = crypto().createHash("sha256");
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk);
    digests.push(hash.digest("hex"));
  }
  return digests;
}
function hashOnWorker(paths) {
  return new Promise((resolve, reject) => {
    const worker = new (workerThreads()).Worker(WORKER_SOURCE, { eval: true, workerData: { paths } });
    worker.once("message", (digests) => resolve(digests));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the fingerprint worker exited (${code})`)));
  });
}
var WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(1 << 20);
const digests = [];
for (const file of workerData.paths) {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  digests.push(hash.digest('hex'));
}
parentPort.postMessage(digests);
`;

export {
  fingerprintData
};
