import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  modelCardStage
} from "./chunks/chunk-AXQY2CDM.js";
import "./chunks/chunk-SXD2OBMI.js";
import "./chunks/chunk-X3DDL52Z.js";
import "./chunks/chunk-6HYAR645.js";
import "./chunks/chunk-6RPTW6B2.js";
import "./chunks/chunk-HTJJ43AS.js";
import "./chunks/chunk-JPJAALAY.js";
import "./chunks/chunk-PZERGBQP.js";
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

// actions/model-card/index.ts
await runAsAction(modelCardStage);
