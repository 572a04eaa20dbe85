import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  driftCheckStage
} from "./chunk-OEXM4VZW.js";
import "./chunk-XAKFJ5LA.js";
import "./chunk-G7EABAJH.js";
import "./chunk-FXFDVQO5.js";
import "./chunk-HLKDIZZA.js";
import "./chunk-B2FDKH2X.js";
import "./chunk-I2J4VYCO.js";
import "./chunk-6HYAR645.js";
import "./chunk-QJGUG43D.js";
import "./chunk-OHPCKEO3.js";
import "./chunk-YS4F3SJG.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-U6ID7PFL.js";
import "./chunk-PZERGBQP.js";
import "./chunk-D3INI452.js";
import "./chunk-NWGUJPZQ.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  driftCheckStage
};
