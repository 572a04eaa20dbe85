import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  OUT_DIR,
  evaluateGateStage
} from "./chunk-ESSXBYYK.js";
import "./chunk-D4TQTKHZ.js";
import "./chunk-G3J2KD6U.js";
import "./chunk-GDXQ7NX4.js";
import "./chunk-4UICVIJR.js";
import "./chunk-X363KT5W.js";
import "./chunk-Y2SAOETJ.js";
import "./chunk-YVVIEIOO.js";
import "./chunk-PZERGBQP.js";
import "./chunk-WFCI6QGH.js";
import "./chunk-AKSQUGAS.js";
import "./chunk-D3INI452.js";
import "./chunk-T2QH2H4B.js";
import "./chunk-D4RZRY5B.js";
export {
  OUT_DIR,
  evaluateGateStage
};
