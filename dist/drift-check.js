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

// actions/drift-check/main.ts
async function run() {
  const { driftCheckStage } = await import("./chunks/drift-check-YUMD6IVP.js");
  await runAsAction(driftCheckStage);
}

// actions/drift-check/index.ts
await run();
