import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-W3LLQX65.js";
import "./chunk-D4RZRY5B.js";
export default require_dist();
