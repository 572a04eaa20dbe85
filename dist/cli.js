#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  LocalHost,
  USAGE_EXIT_CODE,
  UsageError,
  isUsageError
} from "./chunks/chunk-GUTYRZAD.js";
import {
  STAGES,
  isExpression,
  isStageName,
  loadStage,
  packageRoot,
  readActionSpec
} from "./chunks/chunk-PVYWZMUV.js";
import {
  suggestKey
} from "./chunks/chunk-PZERGBQP.js";
import "./chunks/chunk-W3LLQX65.js";
import "./chunks/chunk-A3VPNE7V.js";
import {
  runStage
} from "./chunks/chunk-ZCL4KZQW.js";
import "./chunks/chunk-LSBADZCY.js";
import {
  isUserError
} from "./chunks/chunk-OIBAWGZR.js";
import "./chunks/chunk-D4RZRY5B.js";

// cli/mlops.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";

// cli/args.ts
function parseArgs(argv) {
  const flags = {};
  const positionals = [];
  const all = {};
  const bare = [];
  const set = (name, value) => {
    flags[name] = value;
    (all[name] ??= []).push(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "--") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 2) {
      set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next !== void 0 && !next.startsWith("--")) {
        set(arg.slice(2), next);
        i++;
      } else {
        set(arg.slice(2), "true");
        bare.push(arg.slice(2));
      }
    }
  }
  return { flags, positionals, all, bare };
}

// cli/commands/index.ts
var commands = {
  schema: { summary: "Print the JSON Schema of mlops.yml (for editor autocompletion).", load: async () => (await import("./chunks/schema-C4IZRJMT.js")).schemaCommand },
  data: { summary: "infer <data> [--out file]: write a starting data contract (the data: section of mlops.yml) from the data.", load: async () => (await import("./chunks/data-YAPHLR7S.js")).dataCommand },
  registry: { summary: "list, show and pull registered model versions", load: async () => (await import("./chunks/registry-P77UD3QC.js")).registryCommand },
  serve: { summary: "serve ONNX models over the Open Inference Protocol (v2)", load: async () => (await import("./chunks/serve-I6C2XN42.js")).serveCommand },
  lineage: { summary: "commit \u2192 data \u2192 training \u2192 gate evidence (fairness, importance) \u2192 card \u2192 digest \u2192 deployments of a registered version", load: async () => (await import("./chunks/lineage-KFQKO3MB.js")).lineageCommand }
};

// cli/run-stage-command.ts
async function runStageCommand(stage, args, io) {
  const spec = readActionSpec(stage);
  if (args.flags.help === "true") {
    io.out(stageHelp(stage));
    return 0;
  }
  const inputs = {};
  for (const [name, input] of Object.entries(spec.inputs)) {
    if (input.default !== void 0 && !isExpression(input.default)) inputs[name] = input.default;
  }
  for (const [name, value] of Object.entries(args.flags)) {
    if (!(name in spec.inputs)) {
      const guess = suggestKey(name, Object.keys(spec.inputs));
      throw new UsageError(`mlops ${stage}: unknown option --${name}`, {
        hint: guess ? `Did you mean --${guess}?` : `See \`mlops ${stage} --help\`.`
      });
    }
    if (args.bare?.includes(name) && !isSwitch(spec.inputs[name].default)) {
      throw new UsageError(`mlops ${stage}: option --${name} needs a value`, {
        hint: `Give it as --${name} VALUE or --${name}=VALUE (${spec.inputs[name].description.replace(/\.$/, "")}).`
      });
    }
    inputs[name] = value;
  }
  if (args.positionals.length) throw new UsageError(`mlops ${stage}: unexpected argument "${args.positionals[0]}"`, { hint: "Inputs are given as --name value." });
  const host = new LocalHost({ cwd: io.cwd, inputs, env: io.env, summaryPath: `mlops-out/${stage}-summary.md`, out: io.out, err: io.err, live: io.live });
  const code = await runStage(await loadStage[stage](), host);
  const outputs = Object.entries(host.outputs);
  if (outputs.length) {
    io.out("outputs:");
    for (const [name, value] of outputs) io.out(`  ${name}: ${value}`);
  }
  return code;
}
function stageHelp(stage) {
  const spec = readActionSpec(stage);
  const lines = [`mlops ${stage}: ${spec.description}`, "", "Inputs:"];
  for (const [name, input] of Object.entries(spec.inputs)) {
    const tail = input.required ? " (required)" : input.default ? cliDefault(input.default) : "";
    lines.push(`  --${name}  ${input.description}${tail}`);
  }
  lines.push("", "Outputs:");
  for (const [name, output] of Object.entries(spec.outputs)) lines.push(`  ${name}  ${output.description}`);
  return lines.join("\n");
}
function isSwitch(defaultValue) {
  return defaultValue === "true" || defaultValue === "false" || defaultValue === "auto";
}
function cliDefault(value) {
  if (!isExpression(value)) return ` (default: ${value})`;
  return /^\$\{\{\s*github\.token\s*\}\}$/.test(value) ? " (default: the GITHUB_TOKEN environment variable; in Actions: the workflow token)" : "";
}

// cli/mlops.ts
function usage() {
  const lines = [
    "Usage: mlops <stage> [--input value ...]   |   mlops <command> ...",
    "       (installed as `mlops-actions` and `mlops`; without installing: npx -p mlops-actions mlops ...)",
    "",
    "Stages (the inputs of actions/<stage>/action.yml as flags):"
  ];
  for (const stage of STAGES) lines.push(`  ${stage.padEnd(14)} ${firstSentence(readActionSpec(stage).description)}`);
  lines.push("", "Commands:");
  for (const [name, command] of Object.entries(commands)) lines.push(`  ${name.padEnd(14)} ${command.summary}`);
  lines.push("", "Run `mlops <stage> --help` for a stage's inputs, `mlops --version` for the version.");
  return lines.join("\n");
}
function firstSentence(text) {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
function version() {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8"));
  return `mlops-actions ${String(manifest.version)}`;
}
async function main(argv) {
  const io = {
    cwd: process.cwd(),
    env: process.env,
    out: (line) => process.stdout.write(`${line}
`),
    err: (line) => process.stderr.write(`${line}
`),
    // On a terminal, progress is one line rewritten in place (carriage return, erase line); never in a redirected log.
    live: process.stderr.isTTY ? (text) => process.stderr.write(text === null ? "\r\x1B[2K" : `\r\x1B[2K${text.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`) : void 0
  };
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.out : io.err)(usage());
    return name ? 0 : USAGE_EXIT_CODE;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    io.out(version());
    return 0;
  }
  try {
    if (isStageName(name)) return await runStageCommand(name, parseArgs(rest), io);
    const command = commands[name];
    if (command) return await (await command.load()).run(parseArgs(rest), io);
    const guess = suggestKey(name, [...STAGES, ...Object.keys(commands)]);
    io.err(`mlops: unknown stage or command "${name}".${guess ? ` Did you mean "${guess}"?` : ""} Run \`mlops --help\`.`);
    return USAGE_EXIT_CODE;
  } catch (error) {
    if (isUserError(error)) {
      io.err(`error: ${error.format()}`);
      return isUsageError(error) ? error.exitCode : 1;
    }
    throw error;
  }
}
process.exitCode = await main(process.argv.slice(2));
