import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  exec,
  getExecOutput
} from "./chunk-N45NVTMU.js";
import "./chunk-D4RZRY5B.js";
export {
  exec,
  getExecOutput
};
