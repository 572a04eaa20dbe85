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

// actions/data-validate/main.ts
async function run() {
  const { dataValidateStage } = await import("./chunks/data-validate-Z22I57PR.js");
  await runAsAction(dataValidateStage);
}

// actions/data-validate/index.ts
await run();
