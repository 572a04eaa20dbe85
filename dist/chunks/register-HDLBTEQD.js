import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_REGISTRY,
  registerStage
} from "./chunk-7YCPQPLP.js";
import "./chunk-ELITJLKX.js";
import "./chunk-TFJWQHGW.js";
import "./chunk-RLQTJVC4.js";
import "./chunk-54PJWFYJ.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-DLMHARH6.js";
import "./chunk-PZERGBQP.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  DEFAULT_REGISTRY,
  registerStage
};
