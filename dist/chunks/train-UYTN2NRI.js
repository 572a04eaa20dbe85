import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  trainStage
} from "./chunk-MXMBGUTX.js";
import "./chunk-G3PPJXPI.js";
import "./chunk-YVVIEIOO.js";
import "./chunk-43LAL4DT.js";
import "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";
export {
  trainStage
};
