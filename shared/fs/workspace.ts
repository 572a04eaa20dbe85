/**
 * Paths stay in the workspace. A pull request can commit symlinks: a data file that points at
 * `.git/config` (whose token-bearing URL would be profiled and shown in the report), or an
 * `mlops-out` that points at `~/.ssh` (and the stage writes there). Every data file and output
 * location is resolved to its real path (symlinks followed) and refused when it lies outside the
 * workspace or inside its `.git` directory — unless the workflow sets
 * MLOPS_ALLOW_OUTSIDE_WORKSPACE=true (or the CLI runs with --allow-outside-workspace), for data
 * kept elsewhere on purpose.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors/user-error.js';

export const ALLOW_OUTSIDE_WORKSPACE_VARIABLE = 'MLOPS_ALLOW_OUTSIDE_WORKSPACE';

/** The real path of `path`; for a path that does not exist yet, of its nearest existing ancestor plus the rest. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return join(realPathOf(parent), basename(absolute));
  }
}

/** Where a real path lies: inside the workspace, in its .git directory, or outside. */
export function placeInWorkspace(workspace: string, path: string): 'inside' | 'git' | 'outside' {
  const root = realPathOf(workspace);
  const real = realPathOf(path);
  const rel = relative(root, real);
  if (rel === '' ) return 'inside';
  if (rel.startsWith('..') || isAbsolute(rel)) return 'outside';
  return rel.split(sep)[0] === '.git' ? 'git' : 'inside';
}

/**
 * Throws a UserError when `path` (data to read, or a location to write) resolves outside the
 * workspace or into .git. `display` is what the user wrote; the real target is not printed
 * beyond its location.
 */
export function requireInWorkspace(workspace: string, path: string, display: string, what: string, allowOutside: boolean): void {
  const place = placeInWorkspace(workspace, path);
  if (place === 'inside' || (place === 'outside' && allowOutside)) return;
  const target = realPathOf(path);
  throw new UserError(
    place === 'git'
      ? `${what} \`${display}\` resolves into the repository's .git directory (${target})`
      : `${what} \`${display}\` resolves outside the workspace (${target})`,
    {
      where: { file: display },
      hint:
        place === 'git'
          ? 'Nothing under .git is data or output; a symlink there is refused. Point the path at a real file in the workspace.'
          : `Symlinks and paths out of the workspace are refused. If this is on purpose, set ${ALLOW_OUTSIDE_WORKSPACE_VARIABLE}=true on the step (or pass --allow-outside-workspace to the CLI).`,
    },
  );
}

export function allowOutsideWorkspace(env: (name: string) => string | undefined): boolean {
  return /^(1|true|yes)$/i.test(env(ALLOW_OUTSIDE_WORKSPACE_VARIABLE) ?? '');
}
