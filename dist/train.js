import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  trainStage
} from "./chunks/chunk-6YQQ5VDZ.js";
import "./chunks/chunk-ZZ7SVV7N.js";
import "./chunks/chunk-YS4F3SJG.js";
import "./chunks/chunk-HTJJ43AS.js";
import "./chunks/chunk-JPJAALAY.js";
import {
  runAsAction
} from "./chunks/chunk-RZS7IA2B.js";
import "./chunks/chunk-C5DRHDNQ.js";
import "./chunks/chunk-LL3L2HG6.js";
import "./chunks/chunk-PY3R7CMG.js";
import "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-NWGUJPZQ.js";
import "./chunks/chunk-MMVWCL4Z.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/train/index.ts
await runAsAction(trainStage);
