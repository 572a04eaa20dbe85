import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  modelCardStage
} from "./chunk-AXQY2CDM.js";
import "./chunk-SXD2OBMI.js";
import "./chunk-X3DDL52Z.js";
import "./chunk-6HYAR645.js";
import "./chunk-6RPTW6B2.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-JPJAALAY.js";
import "./chunk-PZERGBQP.js";
import "./chunk-D3INI452.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  modelCardStage
};
