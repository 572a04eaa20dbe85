import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  evaluateGateStage
} from "./chunks/chunk-PC64REEO.js";
import "./chunks/chunk-ZCAETZRN.js";
import "./chunks/chunk-JX4EBO35.js";
import "./chunks/chunk-XEDCU74E.js";
import "./chunks/chunk-CGCZ3IRV.js";
import "./chunks/chunk-NNYPKU3J.js";
import "./chunks/chunk-3JRQPMHA.js";
import "./chunks/chunk-X3DDL52Z.js";
import "./chunks/chunk-6HYAR645.js";
import "./chunks/chunk-RLQTJVC4.js";
import "./chunks/chunk-54PJWFYJ.js";
import "./chunks/chunk-HTJJ43AS.js";
import "./chunks/chunk-DLMHARH6.js";
import "./chunks/chunk-PZERGBQP.js";
import {
  runAsAction
} from "./chunks/chunk-BLOWX2NV.js";
import "./chunks/chunk-C5DRHDNQ.js";
import "./chunks/chunk-LL3L2HG6.js";
import "./chunks/chunk-PY3R7CMG.js";
import "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-NWGUJPZQ.js";
import "./chunks/chunk-MMVWCL4Z.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/evaluate-gate/index.ts
await runAsAction(evaluateGateStage);
