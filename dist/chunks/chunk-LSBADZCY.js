import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/fs/workspace.ts
import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
var ALLOW_OUTSIDE_WORKSPACE_VARIABLE = "MLOPS_ALLOW_OUTSIDE_WORKSPACE";
function realPathOf(path) {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch (error) {
    const code = error.code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return join(realPathOf(parent), basename(absolute));
  }
}
function placeInWorkspace(workspace, path) {
  const root = realPathOf(workspace);
  const real = realPathOf(path);
  const rel = relative(root, real);
  if (rel === "") return "inside";
  if (rel.startsWith("..") || isAbsolute(rel)) return "outside";
  return rel.split(sep)[0] === ".git" ? "git" : "inside";
}
function requireInWorkspace(workspace, path, display, what, allowOutside) {
  const place = placeInWorkspace(workspace, path);
  if (place === "inside" || place === "outside" && allowOutside) return;
  const target = realPathOf(path);
  throw new UserError(
    place === "git" ? `${what} \`${display}\` resolves into the repository's .git directory (${target})` : `${what} \`${display}\` resolves outside the workspace (${target})`,
    {
      where: { file: display },
      hint: place === "git" ? "Nothing under .git is data or output; a symlink there is refused. Point the path at a real file in the workspace." : `Symlinks and paths out of the workspace are refused. If this is on purpose, set ${ALLOW_OUTSIDE_WORKSPACE_VARIABLE}=true on the step (or pass --allow-outside-workspace to the CLI).`
    }
  );
}
function allowOutsideWorkspace(env) {
  return /^(1|true|yes)$/i.test(env(ALLOW_OUTSIDE_WORKSPACE_VARIABLE) ?? "");
}

export {
  requireInWorkspace,
  allowOutsideWorkspace
};
