import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  dataValidateStage
} from "./chunks/chunk-NXNVJOPD.js";
import "./chunks/chunk-7DOSCGYR.js";
import "./chunks/chunk-XYHPR3OX.js";
import "./chunks/chunk-VGHQEQET.js";
import "./chunks/chunk-3JRQPMHA.js";
import "./chunks/chunk-SXD2OBMI.js";
import "./chunks/chunk-X3DDL52Z.js";
import "./chunks/chunk-6HYAR645.js";
import "./chunks/chunk-XXJFQ7L5.js";
import "./chunks/chunk-HTJJ43AS.js";
import "./chunks/chunk-U6ID7PFL.js";
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

// actions/data-validate/index.ts
await runAsAction(dataValidateStage);
