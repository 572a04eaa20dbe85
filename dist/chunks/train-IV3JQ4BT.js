import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  trainStage
} from "./chunk-6YQQ5VDZ.js";
import "./chunk-ZZ7SVV7N.js";
import "./chunk-YS4F3SJG.js";
import "./chunk-HTJJ43AS.js";
import "./chunk-JPJAALAY.js";
import "./chunk-LL3L2HG6.js";
import "./chunk-MMVWCL4Z.js";
import "./chunk-D4RZRY5B.js";
export {
  trainStage
};
