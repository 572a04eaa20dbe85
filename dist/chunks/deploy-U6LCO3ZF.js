import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage,
  moveAliasAfterSuccess,
  sleep
} from "./chunk-N6VXGQ52.js";
import "./chunk-RA7RGRHW.js";
import "./chunk-D53EVJEJ.js";
import "./chunk-CSZJTREF.js";
import "./chunk-FGWLOOUQ.js";
import "./chunk-EN5CGXG3.js";
import "./chunk-6HUHE6LY.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-UA3KOI3F.js";
import "./chunk-CUN7Q4JU.js";
import "./chunk-XWE5INN7.js";
import "./chunk-KMTXHRMK.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-GJ32UNSE.js";
import "./chunk-GWCI4O4C.js";
import "./chunk-VHYSKZ3L.js";
import "./chunk-A3VPNE7V.js";
import "./chunk-LSBADZCY.js";
import "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";
export {
  deployStage,
  moveAliasAfterSuccess,
  sleep
};
