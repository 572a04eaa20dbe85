import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage
} from "./chunks/chunk-SR22OWHP.js";
import "./chunks/chunk-YR6SCZTY.js";
import "./chunks/chunk-SI7TXZYZ.js";
import "./chunks/chunk-HVNWJNHL.js";
import "./chunks/chunk-WYNUA7WS.js";
import "./chunks/chunk-HLKDIZZA.js";
import "./chunks/chunk-B2FDKH2X.js";
import "./chunks/chunk-I2J4VYCO.js";
import "./chunks/chunk-SXD2OBMI.js";
import "./chunks/chunk-27JI46BW.js";
import "./chunks/chunk-FKIYT5Z5.js";
import "./chunks/chunk-QJGUG43D.js";
import "./chunks/chunk-OHPCKEO3.js";
import "./chunks/chunk-ZZ7SVV7N.js";
import "./chunks/chunk-HTJJ43AS.js";
import "./chunks/chunk-U6ID7PFL.js";
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
