/** The commit checked out in a directory and whether tracked files were changed since. */
import { childProcess } from '../node/builtins.js';

export type GitState = {
  commit?: string;
  /** Tracked files differ from the commit (untracked files, such as outputs, don't count). */
  dirty?: boolean;
};

function git(args: string[], cwd: string, env: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve) => {
    childProcess().execFile('git', args, { cwd, env, timeout: 20_000, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

export async function readGitState(cwd: string, env: Record<string, string>): Promise<GitState> {
  const [head, status] = await Promise.all([git(['rev-parse', 'HEAD'], cwd, env), git(['status', '--porcelain', '--untracked-files=no'], cwd, env)]);
  const state: GitState = {};
  if (head?.trim()) state.commit = head.trim();
  if (status !== undefined && state.commit) state.dirty = status.trim() !== '';
  return state;
}
