import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  validateData
} from "./chunk-6HHSGEJL.js";
import "./chunk-S6J5IOI2.js";
import "./chunk-F6PV3AJM.js";
import "./chunk-GG7GAS35.js";
import {
  resolveData
} from "./chunk-QSV4JYVJ.js";
import {
  writeFileAtomic
} from "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-G6IGFEOW.js";
import "./chunk-LWRQI2SV.js";
import "./chunk-GWCI4O4C.js";
import {
  LocalHost,
  UsageError
} from "./chunk-GUTYRZAD.js";
import "./chunk-DRKOEN4Q.js";
import "./chunk-65D4D4NJ.js";
import "./chunk-VHYSKZ3L.js";
import {
  require_dist
} from "./chunk-W3LLQX65.js";
import "./chunk-A3VPNE7V.js";
import {
  allowOutsideWorkspace
} from "./chunk-LSBADZCY.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import {
  __toESM
} from "./chunk-D4RZRY5B.js";

// cli/commands/data.ts
var import_yaml = __toESM(require_dist(), 1);
import { resolve } from "node:path";

// shared/data/infer.ts
var MAX_DOMAIN = 20;
function inferContract(profile) {
  const columns = {};
  for (const c of profile.columns) {
    const type = c.type === "integer" || c.type === "number" || c.type === "string" || c.type === "boolean" || c.type === "date" || c.type === "timestamp" ? c.type : void 0;
    const column = {};
    if (type) column.type = type;
    if (c.nulls === 0) column.nullable = false;
    const domain = c.value_counts ? Object.keys(c.value_counts) : [];
    const distinct = c.value_counts ? domain.length : c.distinct;
    const keyLike = c.count === profile.rows && c.count > MAX_DOMAIN && distinct !== null && (c.value_counts ? distinct === c.count : distinct >= 0.99 * c.count);
    if ((type === "string" || type === "integer") && domain.length > 0 && domain.length <= MAX_DOMAIN && !keyLike) {
      column.values = type === "integer" ? domain.map(Number).sort((a, b) => a - b) : domain.sort();
    } else if ((type === "integer" || type === "number") && typeof c.min === "number" && typeof c.max === "number") {
      column.min = c.min;
      column.max = c.max;
    } else if ((type === "date" || type === "timestamp") && typeof c.min === "string" && typeof c.max === "string") {
      column.min = c.min;
      column.max = c.max;
    }
    if (keyLike && (type === "string" || type === "integer")) column.unique = true;
    columns[c.name] = column;
  }
  return { rows: { min: 1 }, unexpected_columns: "error", columns };
}

// cli/commands/data.ts
var USAGE = "mlops data infer <data path or glob> [--out mlops.data.yml]";
var dataCommand = {
  async run(args, io) {
    const [sub, spec, ...rest] = args.positionals;
    if (sub !== "infer" || !spec || rest.length > 0) {
      throw new UserError(sub && sub !== "infer" ? `unknown data command "${sub}"` : "mlops data infer needs a data path", { hint: `Usage: ${USAGE}` });
    }
    for (const flag of Object.keys(args.flags)) {
      if (flag !== "out" && flag !== "allow-outside-workspace") throw new UsageError(`mlops data infer: unknown option --${flag}`, { hint: `Usage: ${USAGE}` });
    }
    const out = args.flags.out ?? "mlops.data.yml";
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: "mlops-out/data-infer-summary.md", out: io.out, err: io.err });
    const source = await resolveData(io.cwd, spec, { allowOutsideWorkspace: args.flags["allow-outside-workspace"] !== void 0 || allowOutsideWorkspace((name) => io.env[name]) });
    const { profile } = await validateData(source, {}, { host, configFile: out });
    const contract = inferContract(profile);
    const text = `# Starting data contract inferred by \`mlops data infer ${spec}\` from ${profile.rows} rows (fingerprint ${profile.fingerprint}).
# Review it: ranges and value lists are what this data happens to hold. Paste the data: section into mlops.yml.
` + (0, import_yaml.stringify)({ data: contract }, { lineWidth: 0, flowCollectionPadding: true, collectionStyle: "block" });
    await writeFileAtomic(resolve(io.cwd, out), text);
    io.out(`wrote ${out}: a contract for ${profile.columns.length} columns; review it, then copy its data: section into mlops.yml`);
    return 0;
  }
};
export {
  dataCommand
};
