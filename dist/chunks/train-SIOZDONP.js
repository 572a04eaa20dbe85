import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  trainStage
} from "./chunk-FGM7LGYZ.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-Y2SAOETJ.js";
import "./chunk-YVVIEIOO.js";
import "./chunk-WFCI6QGH.js";
import "./chunk-O3JVG3X2.js";
import "./chunk-T2QH2H4B.js";
import "./chunk-D4RZRY5B.js";
export {
  trainStage
};
