import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage
} from "./chunk-VODZXM53.js";
import "./chunk-KBLVXXNC.js";
import "./chunk-HLKDIZZA.js";
import "./chunk-5EGR6ARE.js";
import "./chunk-3JRQPMHA.js";
import "./chunk-DP3D56TE.js";
import "./chunk-6BDKPTOI.js";
import "./chunk-BUE7YQJO.js";
import "./chunk-XXJFQ7L5.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-U6ID7PFL.js";
import "./chunk-PZERGBQP.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  deployStage
};
