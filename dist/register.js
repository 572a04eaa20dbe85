import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  registerStage
} from "./chunks/chunk-FOJZX2AK.js";
import "./chunks/chunk-27JI46BW.js";
import "./chunks/chunk-FKIYT5Z5.js";
import "./chunks/chunk-QJGUG43D.js";
import "./chunks/chunk-OHPCKEO3.js";
import "./chunks/chunk-HTJJ43AS.js";
import "./chunks/chunk-U6ID7PFL.js";
import "./chunks/chunk-PZERGBQP.js";
import {
  runAsAction
} from "./chunks/chunk-RZS7IA2B.js";
import "./chunks/chunk-C5DRHDNQ.js";
import "./chunks/chunk-LL3L2HG6.js";
import "./chunks/chunk-PY3R7CMG.js";
import "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-NWGUJPZQ.js";
import "./chunks/chunk-MMVWCL4Z.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/register/index.ts
await runAsAction(registerStage);
