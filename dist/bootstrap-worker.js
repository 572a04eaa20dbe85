import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  binaryFromPlan,
  fairnessFromPlan,
  multiclassFromPlan,
  regressionFromPlan,
  runClaimedResamples
} from "./chunks/chunk-RYJM5VGV.js";
import "./chunks/chunk-PXOP5VPA.js";
import "./chunks/chunk-D4RZRY5B.js";

// shared/stats/bootstrap-worker.ts
import { parentPort } from "node:worker_threads";

// shared/stats/plan-registry.ts
var BUILDERS = {
  binary: binaryFromPlan,
  multiclass: multiclassFromPlan,
  regression: regressionFromPlan,
  fairness: fairnessFromPlan
};
function metricsFromPlan(plan) {
  const build = BUILDERS[plan.kind];
  if (!build) throw new TypeError(`metrics plan of unknown kind "${String(plan.kind)}" (known: ${Object.keys(BUILDERS).join(", ")})`);
  return build(plan);
}

// shared/stats/bootstrap-worker.ts
var PROGRESS_EVERY_MS = 200;
if (!parentPort) throw new Error("bootstrap-worker.js is a worker thread entry; the bootstrap pool starts it");
var port = parentPort;
port.on("message", ({ id, task: job }) => {
  const reply = (message) => port.postMessage(message);
  try {
    const candidate = metricsFromPlan(job.candidate);
    const baseline = job.baseline ? metricsFromPlan(job.baseline) : void 0;
    let last = performance.now();
    const done = runClaimedResamples(candidate, baseline, job.claims, { candidate: job.candidateOut, delta: job.deltaOut }, (done2) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      reply({ id, progress: done2 });
    });
    reply({ id, result: done });
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
