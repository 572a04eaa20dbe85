import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  unavailableStage
} from "./chunks/chunk-6K6SBSXE.js";
import {
  runAsAction
} from "./chunks/chunk-QVQ7QRY7.js";
import "./chunks/chunk-MNAJBBS5.js";
import "./chunks/chunk-PY3R7CMG.js";
import "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-AKSQUGAS.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-O3JVG3X2.js";
import "./chunks/chunk-T2QH2H4B.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/deploy/index.ts
await runAsAction(unavailableStage("deploy"));
