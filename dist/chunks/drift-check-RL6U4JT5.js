import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  driftCheckStage
} from "./chunk-DYA37JNI.js";
import "./chunk-XYHPR3OX.js";
import "./chunk-5NDFNBXI.js";
import "./chunk-TVZOMYGG.js";
import "./chunk-HLKDIZZA.js";
import "./chunk-5EGR6ARE.js";
import "./chunk-3JRQPMHA.js";
import "./chunk-6HYAR645.js";
import "./chunk-BUE7YQJO.js";
import "./chunk-XXJFQ7L5.js";
import "./chunk-YS4F3SJG.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-U6ID7PFL.js";
import "./chunk-PZERGBQP.js";
import "./chunk-D3INI452.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  driftCheckStage
};
