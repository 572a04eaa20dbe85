import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage,
  moveAliasAfterSuccess,
  sleep
} from "./chunk-R4PSL5QH.js";
import "./chunk-RA7RGRHW.js";
import "./chunk-D53EVJEJ.js";
import "./chunk-4BK6Y5OG.js";
import "./chunk-OQDEKFCK.js";
import "./chunk-EN5CGXG3.js";
import "./chunk-6HUHE6LY.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-EBSNWM4L.js";
import "./chunk-F7I72Q5V.js";
import "./chunk-NWN6ID3D.js";
import "./chunk-KMTXHRMK.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-HVTP2B2G.js";
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
