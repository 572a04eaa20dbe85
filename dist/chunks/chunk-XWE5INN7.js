import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/config/load.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var DEFAULT_CONFIG_PATH = "mlops.yml";
async function loadConfig(cwd, path) {
  const explicit = path !== "" && path !== DEFAULT_CONFIG_PATH;
  const absolute = resolve(cwd, path || DEFAULT_CONFIG_PATH);
  let text;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" && !explicit) return { config: {} };
    throw new UserError(code === "ENOENT" ? "config file not found" : `cannot read config file (${code ?? String(error)})`, {
      where: { file: path || DEFAULT_CONFIG_PATH },
      hint: "Check the `config` input, or remove it to use mlops.yml when present."
    });
  }
  const { parseConfig } = await import("./parse-XCRJJQES.js");
  return { config: parseConfig(text, path || DEFAULT_CONFIG_PATH), path: absolute };
}

export {
  loadConfig
};
