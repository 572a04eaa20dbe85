import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_REGISTRY,
  registerStage
} from "./chunk-3HAGJ3S6.js";
import "./chunk-FNFVVWB2.js";
import "./chunk-4UICVIJR.js";
import "./chunk-X363KT5W.js";
import "./chunk-Y2SAOETJ.js";
import "./chunk-YVVIEIOO.js";
import "./chunk-PZERGBQP.js";
import "./chunk-WFCI6QGH.js";
import "./chunk-T2QH2H4B.js";
import "./chunk-D4RZRY5B.js";
export {
  DEFAULT_REGISTRY,
  registerStage
};
