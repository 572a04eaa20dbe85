import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  dataValidateStage
} from "./chunks/chunk-6JIHOT7Q.js";
import "./chunks/chunk-KUODGVBJ.js";
import "./chunks/chunk-VUT7XA4V.js";
import "./chunks/chunk-SXD2OBMI.js";
import "./chunks/chunk-BTCQKXQ3.js";
import "./chunks/chunk-U3ZBBVIO.js";
import "./chunks/chunk-Q3V3TFIP.js";
import "./chunks/chunk-G3PPJXPI.js";
import "./chunks/chunk-YVVIEIOO.js";
import "./chunks/chunk-PZERGBQP.js";
import "./chunks/chunk-43LAL4DT.js";
import {
  runAsAction
} from "./chunks/chunk-73ANR2CW.js";
import "./chunks/chunk-DZMNVV4L.js";
import "./chunks/chunk-PY3R7CMG.js";
import "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-OIBAWGZR.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/data-validate/index.ts
await runAsAction(dataValidateStage);
