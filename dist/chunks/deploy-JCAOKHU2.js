import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage
} from "./chunk-JG4B7IUJ.js";
import "./chunk-UZJ36HAJ.js";
import "./chunk-CGCZ3IRV.js";
import "./chunk-NNYPKU3J.js";
import "./chunk-3JRQPMHA.js";
import "./chunk-ELITJLKX.js";
import "./chunk-TFJWQHGW.js";
import "./chunk-RLQTJVC4.js";
import "./chunk-54PJWFYJ.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-DLMHARH6.js";
import "./chunk-PZERGBQP.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  deployStage
};
