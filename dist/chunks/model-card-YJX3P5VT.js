import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  modelCardStage
} from "./chunk-5KDZBKSH.js";
import "./chunk-SXD2OBMI.js";
import "./chunk-GDXQ7NX4.js";
import "./chunk-X363KT5W.js";
import "./chunk-Y2SAOETJ.js";
import "./chunk-YVVIEIOO.js";
import "./chunk-PZERGBQP.js";
import "./chunk-WFCI6QGH.js";
import "./chunk-D3INI452.js";
import "./chunk-T2QH2H4B.js";
import "./chunk-D4RZRY5B.js";
export {
  modelCardStage
};
