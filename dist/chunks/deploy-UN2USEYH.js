import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage,
  moveAliasAfterSuccess,
  sleep
} from "./chunk-SR22OWHP.js";
import "./chunk-YR6SCZTY.js";
import "./chunk-SI7TXZYZ.js";
import "./chunk-HVNWJNHL.js";
import "./chunk-WYNUA7WS.js";
import "./chunk-HLKDIZZA.js";
import "./chunk-B2FDKH2X.js";
import "./chunk-I2J4VYCO.js";
import "./chunk-SXD2OBMI.js";
import "./chunk-27JI46BW.js";
import "./chunk-FKIYT5Z5.js";
import "./chunk-QJGUG43D.js";
import "./chunk-OHPCKEO3.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-U6ID7PFL.js";
import "./chunk-PZERGBQP.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  deployStage,
  moveAliasAfterSuccess,
  sleep
};
