import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  OUT_DIR,
  evaluateGateStage
} from "./chunk-QRGYUNAK.js";
import "./chunk-ZCAETZRN.js";
import "./chunk-NKPCCWMY.js";
import "./chunk-G2CH33CK.js";
import "./chunk-CGCZ3IRV.js";
import "./chunk-SXKV3HUF.js";
import "./chunk-3JRQPMHA.js";
import "./chunk-X3DDL52Z.js";
import "./chunk-6HYAR645.js";
import "./chunk-SG75GXIG.js";
import "./chunk-54PJWFYJ.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-JA25WK36.js";
import "./chunk-PZERGBQP.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-D3INI452.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  OUT_DIR,
  evaluateGateStage
};
