import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_REGISTRY,
  registerStage
} from "./chunk-U3QDMFE5.js";
import "./chunk-5MOLMZQC.js";
import "./chunk-ZYEUGGMY.js";
import "./chunk-ZIIORDSD.js";
import "./chunk-6RPTW6B2.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-JPJAALAY.js";
import "./chunk-PZERGBQP.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  DEFAULT_REGISTRY,
  registerStage
};
