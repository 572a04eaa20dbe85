import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  dataValidateStage
} from "./chunk-7D2Y2XCL.js";
import "./chunk-2Z64QD54.js";
import "./chunk-XYHPR3OX.js";
import "./chunk-ZCAETZRN.js";
import "./chunk-3JRQPMHA.js";
import "./chunk-SXD2OBMI.js";
import "./chunk-X3DDL52Z.js";
import "./chunk-6HYAR645.js";
import "./chunk-54PJWFYJ.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-JA25WK36.js";
import "./chunk-PZERGBQP.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-D3INI452.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  dataValidateStage
};
