import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_REGISTRY,
  registerStage
} from "./chunk-Q7XF2HLH.js";
import "./chunk-DP3D56TE.js";
import "./chunk-6BDKPTOI.js";
import "./chunk-BUE7YQJO.js";
import "./chunk-XXJFQ7L5.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-U6ID7PFL.js";
import "./chunk-PZERGBQP.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  DEFAULT_REGISTRY,
  registerStage
};
