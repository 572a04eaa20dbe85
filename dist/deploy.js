import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage
} from "./chunks/chunk-A25KXYQC.js";
import "./chunks/chunk-Y7X4KS5W.js";
import "./chunks/chunk-SI7TXZYZ.js";
import "./chunks/chunk-HVNWJNHL.js";
import "./chunks/chunk-WYNUA7WS.js";
import "./chunks/chunk-GQOYVEO5.js";
import "./chunks/chunk-U2PMMUBG.js";
import "./chunks/chunk-I2J4VYCO.js";
import "./chunks/chunk-SXD2OBMI.js";
import "./chunks/chunk-5MOLMZQC.js";
import "./chunks/chunk-ZYEUGGMY.js";
import "./chunks/chunk-ZIIORDSD.js";
import "./chunks/chunk-6RPTW6B2.js";
import "./chunks/chunk-ZZ7SVV7N.js";
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

// actions/deploy/index.ts
await runAsAction(deployStage);
