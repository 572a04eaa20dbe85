import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  dataValidateStage
} from "./chunk-5F2SLCUD.js";
import "./chunk-67NLO6HM.js";
import "./chunk-YEAXCM25.js";
import "./chunk-SXD2OBMI.js";
import "./chunk-BTCQKXQ3.js";
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
  dataValidateStage
};
