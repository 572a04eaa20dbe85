import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  deployStage,
  moveAliasAfterSuccess,
  sleep
} from "./chunk-ZX67EYE7.js";
import "./chunk-ZHQAXB44.js";
import "./chunk-BIDIZNOQ.js";
import "./chunk-OIX34X32.js";
import "./chunk-ZWQJRRUU.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-FRLK6RYZ.js";
import "./chunk-XF73CWCX.js";
import "./chunk-T4B3DJCH.js";
import "./chunk-7CRHZGTV.js";
import "./chunk-4FV33MRZ.js";
import "./chunk-VEXPWIB5.js";
import "./chunk-VHYSKZ3L.js";
import "./chunk-PZERGBQP.js";
import "./chunk-WFCI6QGH.js";
import "./chunk-IANH7F2M.js";
import "./chunk-LSBADZCY.js";
import "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";
export {
  deployStage,
  moveAliasAfterSuccess,
  sleep
};
