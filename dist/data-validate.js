import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  dataValidateStage
} from "./chunks/chunk-T5C3EDCQ.js";
import "./chunks/chunk-H5YAVRIW.js";
import "./chunks/chunk-G3J2KD6U.js";
import "./chunks/chunk-SXD2OBMI.js";
import "./chunks/chunk-GDXQ7NX4.js";
import "./chunks/chunk-X363KT5W.js";
import "./chunks/chunk-Y2SAOETJ.js";
import "./chunks/chunk-YVVIEIOO.js";
import "./chunks/chunk-PZERGBQP.js";
import "./chunks/chunk-WFCI6QGH.js";
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

// actions/data-validate/index.ts
await runAsAction(dataValidateStage);
