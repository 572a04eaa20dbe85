import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_REGISTRY,
  registerStage
} from "./chunk-FOJZX2AK.js";
import "./chunk-27JI46BW.js";
import "./chunk-FKIYT5Z5.js";
import "./chunk-QJGUG43D.js";
import "./chunk-OHPCKEO3.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-U6ID7PFL.js";
import "./chunk-PZERGBQP.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  DEFAULT_REGISTRY,
  registerStage
};
