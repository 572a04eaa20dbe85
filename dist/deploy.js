import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  unavailableStage
} from "./chunks/chunk-4O4B5WTO.js";
import {
  runAsAction
} from "./chunks/chunk-73ANR2CW.js";
import "./chunks/chunk-DZMNVV4L.js";
import "./chunks/chunk-PY3R7CMG.js";
import "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-OIBAWGZR.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/deploy/index.ts
await runAsAction(unavailableStage("deploy"));
