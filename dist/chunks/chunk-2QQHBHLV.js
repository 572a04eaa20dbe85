import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  code,
  escapeCell,
  formatNumber
} from "./chunk-D53EVJEJ.js";

// shared/report/undefined-values.ts
var NOT_AVAILABLE = "n/a";
function valueCell(value) {
  return value === null || value === void 0 || Number.isNaN(value) ? NOT_AVAILABLE : formatNumber(value);
}
function signedCell(value) {
  if (value === null || value === void 0 || Number.isNaN(value)) return NOT_AVAILABLE;
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}
function intervalCell(ci) {
  return ci && ci.length === 2 && ci[0] !== null && ci[1] !== null && Number.isFinite(ci[0]) && Number.isFinite(ci[1]) ? `[${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : NOT_AVAILABLE;
}
function undefinedNote(reasons) {
  const given = reasons.filter((r) => Boolean(r.reason));
  if (!given.length) return "";
  return `<sub>${NOT_AVAILABLE}: ${given.map((r) => `${code(r.name)} ${escapeCell(r.reason)}`).join("; ")}.</sub>`;
}

export {
  NOT_AVAILABLE,
  valueCell,
  signedCell,
  intervalCell,
  undefinedNote
};
