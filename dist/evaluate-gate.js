import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  evaluateGateStage
} from "./chunks/chunk-QRGYUNAK.js";
import "./chunks/chunk-ZCAETZRN.js";
import "./chunks/chunk-NKPCCWMY.js";
import "./chunks/chunk-G2CH33CK.js";
import "./chunks/chunk-CGCZ3IRV.js";
import "./chunks/chunk-SXKV3HUF.js";
import "./chunks/chunk-3JRQPMHA.js";
import "./chunks/chunk-X3DDL52Z.js";
import "./chunks/chunk-6HYAR645.js";
import "./chunks/chunk-SG75GXIG.js";
import "./chunks/chunk-54PJWFYJ.js";
import "./chunks/chunk-HTJJ43AS.js";
import "./chunks/chunk-JA25WK36.js";
import "./chunks/chunk-PZERGBQP.js";
import {
  runAsAction
} from "./chunks/chunk-OIE5H7R3.js";
import "./chunks/chunk-C5DRHDNQ.js";
import "./chunks/chunk-LL3L2HG6.js";
import "./chunks/chunk-PY3R7CMG.js";
import "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-NWGUJPZQ.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-MMVWCL4Z.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/evaluate-gate/index.ts
await runAsAction(evaluateGateStage);
