import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  OUT_DIR,
  evaluateGateStage
} from "./chunk-X7OZU3GE.js";
import "./chunk-VGHQEQET.js";
import "./chunk-B4BRCRSE.js";
import "./chunk-V6GJDW62.js";
import "./chunk-GQOYVEO5.js";
import "./chunk-U2PMMUBG.js";
import "./chunk-I2J4VYCO.js";
import "./chunk-X3DDL52Z.js";
import "./chunk-6HYAR645.js";
import "./chunk-ZIIORDSD.js";
import "./chunk-6RPTW6B2.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-JPJAALAY.js";
import "./chunk-PZERGBQP.js";
import "./chunk-D3INI452.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  OUT_DIR,
  evaluateGateStage
};
