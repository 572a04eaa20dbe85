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

// actions/model-card/main.ts
async function run() {
  const { modelCardStage } = await import("./chunks/model-card-5XDTLOZQ.js");
  await runAsAction(modelCardStage);
}

// actions/model-card/index.ts
await run();
