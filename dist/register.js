import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  runAsAction
} from "./chunks/chunk-MZ73QYR2.js";
import "./chunks/chunk-Z5R4M4ES.js";
import "./chunks/chunk-WREBKZ5X.js";
import "./chunks/chunk-PY3R7CMG.js";
import "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-LSBADZCY.js";
import "./chunks/chunk-LH2H4NB2.js";
import "./chunks/chunk-OIBAWGZR.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/register/main.ts
async function run() {
  const { registerStage } = await import("./chunks/register-FMYBCZA7.js");
  await runAsAction(registerStage);
}

// actions/register/index.ts
await run();
