import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  runAsAction
} from "./chunks/chunk-FZVG5HBH.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-ZCL4KZQW.js";
import "./chunks/chunk-LSBADZCY.js";
import "./chunks/chunk-OIBAWGZR.js";
import "./chunks/chunk-F3JHVORX.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/evaluate-gate/main.ts
async function run() {
  const { evaluateGateStage } = await import("./chunks/evaluate-gate-I2QLGF4H.js");
  await runAsAction(evaluateGateStage);
}

// actions/evaluate-gate/index.ts
await run();
