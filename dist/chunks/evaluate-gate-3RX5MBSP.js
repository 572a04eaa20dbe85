import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  OUT_DIR,
  evaluateGateStage
} from "./chunk-IX7TTDVD.js";
import "./chunk-VUT7XA4V.js";
import "./chunk-BTCQKXQ3.js";
import "./chunk-2C7Z3BA4.js";
import "./chunk-WK5636NJ.js";
import "./chunk-U3ZBBVIO.js";
import "./chunk-Q3V3TFIP.js";
import "./chunk-G3PPJXPI.js";
import "./chunk-YVVIEIOO.js";
import "./chunk-PZERGBQP.js";
import "./chunk-43LAL4DT.js";
import "./chunk-D3INI452.js";
import "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";
export {
  OUT_DIR,
  evaluateGateStage
};
