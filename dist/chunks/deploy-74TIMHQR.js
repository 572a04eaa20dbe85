import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage,
  moveAliasAfterSuccess,
  sleep
} from "./chunk-GOBV6J5R.js";
import "./chunk-ZH6XLB2V.js";
import "./chunk-WEGH5HV3.js";
import "./chunk-XHNLZXUM.js";
import "./chunk-FT35TJTQ.js";
import "./chunk-U3M5CAYS.js";
import "./chunk-RA3DXR5B.js";
import "./chunk-APGALERZ.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-UA3KOI3F.js";
import "./chunk-XWE5INN7.js";
import "./chunk-D53EVJEJ.js";
import "./chunk-QRSX6AL5.js";
import "./chunk-QSV4JYVJ.js";
import "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-G6IGFEOW.js";
import "./chunk-LWRQI2SV.js";
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
