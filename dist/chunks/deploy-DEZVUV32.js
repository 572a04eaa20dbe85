import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage,
  moveAliasAfterSuccess,
  sleep
} from "./chunk-A25KXYQC.js";
import "./chunk-Y7X4KS5W.js";
import "./chunk-SI7TXZYZ.js";
import "./chunk-HVNWJNHL.js";
import "./chunk-WYNUA7WS.js";
import "./chunk-GQOYVEO5.js";
import "./chunk-U2PMMUBG.js";
import "./chunk-I2J4VYCO.js";
import "./chunk-SXD2OBMI.js";
import "./chunk-5MOLMZQC.js";
import "./chunk-ZYEUGGMY.js";
import "./chunk-ZIIORDSD.js";
import "./chunk-6RPTW6B2.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-JPJAALAY.js";
import "./chunk-PZERGBQP.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  deployStage,
  moveAliasAfterSuccess,
  sleep
};
