import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  driftCheckStage
} from "./chunk-KT4STWES.js";
import "./chunk-XYHPR3OX.js";
import "./chunk-JX4EBO35.js";
import "./chunk-XEDCU74E.js";
import "./chunk-CGCZ3IRV.js";
import "./chunk-NNYPKU3J.js";
import "./chunk-3JRQPMHA.js";
import "./chunk-6HYAR645.js";
import "./chunk-RLQTJVC4.js";
import "./chunk-54PJWFYJ.js";
import "./chunk-YS4F3SJG.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-DLMHARH6.js";
import "./chunk-PZERGBQP.js";
import "./chunk-D3INI452.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  driftCheckStage
};
