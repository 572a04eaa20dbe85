import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  measureNumericColumn
} from "./chunks/chunk-PSN7ELHH.js";
import "./chunks/chunk-DRKOEN4Q.js";
import "./chunks/chunk-65D4D4NJ.js";
import "./chunks/chunk-VHYSKZ3L.js";
import "./chunks/chunk-PXOP5VPA.js";
import "./chunks/chunk-D4RZRY5B.js";

// shared/drift/column-worker.ts
import { parentPort } from "node:worker_threads";
if (!parentPort) throw new Error("drift-column-worker.js is a worker thread entry; drift-check starts it");
var port = parentPort;
port.on("message", ({ id, task }) => {
  let reply;
  try {
    reply = { id, result: measureNumericColumn(task) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
