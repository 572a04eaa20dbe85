import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  ConfigSchema
} from "./chunk-5ILB25W7.js";
import "./chunk-MWWY42WB.js";
import "./chunk-LXNBWMDG.js";
import "./chunk-UA3KOI3F.js";
import "./chunk-C5HFBKMB.js";
import {
  suggestKey
} from "./chunk-PZERGBQP.js";
import {
  require_dist
} from "./chunk-W3LLQX65.js";
import "./chunk-A3VPNE7V.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import {
  __toESM
} from "./chunk-D4RZRY5B.js";

// shared/config/parse.ts
var import_yaml = __toESM(require_dist(), 1);

// shared/config/schema-walk.ts
function unwrap(schema) {
  let current = schema;
  for (; ; ) {
    const def = current._zod.def;
    if ((def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault" || def.type === "catch" || def.type === "readonly") && def.innerType) {
      current = def.innerType;
    } else {
      return current;
    }
  }
}
function schemaAt(schema, path) {
  let current = unwrap(schema);
  for (const segment of path) {
    if (!current) return void 0;
    const def = current._zod.def;
    if (def.type === "object" && def.shape) current = def.shape[String(segment)];
    else if (def.type === "record") current = def.valueType;
    else if (def.type === "array") current = def.element;
    else return void 0;
    current = current ? unwrap(current) : void 0;
  }
  return current;
}
function knownKeysAt(schema, path) {
  const target = schemaAt(schema, path);
  const def = target?._zod.def;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

// shared/config/parse.ts
function parseConfig(text, file) {
  const lines = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const at = lines.linePos(syntax.pos[0]);
    throw new UserError(`invalid YAML: ${syntax.message.split("\n")[0]}`, {
      where: { file, line: at.line, column: at.col },
      hint: "Fix the YAML syntax (indentation, quotes, colons)."
    });
  }
  rejectMergeKeys(document, lines, file);
  const data = document.toJS() ?? {};
  const result = ConfigSchema.safeParse(data);
  if (result.success) return result.data;
  throw describeIssue(result.error.issues, document, lines, file);
}
function rejectMergeKeys(document, lines, file) {
  (0, import_yaml.visit)(document, {
    Pair(_, pair) {
      if ((0, import_yaml.isScalar)(pair.key) && pair.key.type === "PLAIN" && pair.key.value === "<<") {
        const at = pair.key.range ? lines.linePos(pair.key.range[0]) : void 0;
        throw new UserError("YAML merge keys (`<<: *anchor`) are not supported in mlops.yml", {
          where: { file, ...at ? { line: at.line, column: at.col } : {} },
          hint: "Write the keys out in each place; an alias of a whole value (`key: *anchor`) does work."
        });
      }
    }
  });
}
function describeIssue(issues, document, lines, file) {
  const issue = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    const path = [...issue.path, key];
    const suggestion = suggestKey(key, knownKeysAt(ConfigSchema, issue.path));
    const known = knownKeysAt(ConfigSchema, issue.path);
    return new UserError(`unknown key "${key}"${more}`, {
      where: { file, ...position(document, lines, issue.path, key), key: keyPath(path) },
      hint: suggestion ? `Did you mean "${suggestion}"?` : `Known keys here: ${known.join(", ") || "(none in this version)"}.`
    });
  }
  return new UserError(`${issue.message}${more}`, {
    where: { file, ...position(document, lines, issue.path), key: keyPath(issue.path) || "(top level)" },
    hint: "See `mlops schema` for every key and type."
  });
}
function position(document, lines, path, childKey) {
  const segments = path.map((p) => typeof p === "number" ? p : String(p));
  let node = segments.length ? document.getIn(segments, true) : document.contents;
  if (childKey !== void 0 && (0, import_yaml.isMap)(node)) {
    const pair = node.items.find((item) => (0, import_yaml.isScalar)(item.key) && String(item.key.value) === childKey);
    node = pair?.key ?? node;
  }
  for (let depth = segments.length; !hasRange(node) && depth > 0; depth--) node = document.getIn(segments.slice(0, depth - 1), true);
  if (!hasRange(node)) return {};
  const at = lines.linePos(node.range[0]);
  return { line: at.line, column: at.col };
}
function hasRange(node) {
  return typeof node === "object" && node !== null && Array.isArray(node.range);
}
function keyPath(path) {
  return path.map((p) => typeof p === "number" ? `[${p}]` : String(p)).join(".").replace(/\.\[/g, "[");
}
export {
  parseConfig
};
