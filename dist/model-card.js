import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  modelCardStage
} from "./chunks/chunk-IQZAPNAY.js";
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

// actions/model-card/index.ts
await runAsAction(modelCardStage);
