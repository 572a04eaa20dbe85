import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_REGISTRY,
  registerStage
} from "./chunk-233KQFLK.js";
import "./chunk-S6S7O5KG.js";
import "./chunk-R2HB4ESW.js";
import "./chunk-SG75GXIG.js";
import "./chunk-54PJWFYJ.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-JA25WK36.js";
import "./chunk-PZERGBQP.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  DEFAULT_REGISTRY,
  registerStage
};
