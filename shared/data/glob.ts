/**
 * A small glob expander (*, **, ?, [abc], {a,b}) over the file system, because fs.glob only
 * exists from Node 22 and the CLI supports Node 20. Matches files only, without following
 * symlinked directories; hidden files match only when the pattern names the dot.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export async function expandGlob(cwd: string, pattern: string): Promise<string[]> {
  const normalized = pattern.split('\\').join('/');
  const segments = normalized.split('/');
  const firstMagic = segments.findIndex((s) => /[*?[\]{}]/.test(s));
  const base = resolve(cwd, segments.slice(0, firstMagic).join('/') || '.');
  const rest = segments.slice(firstMagic).join('/');
  const matcher = globToRegExp(rest);
  const deep = rest.includes('**') || rest.includes('/');
  const out: string[] = [];
  await walk(base, '', deep, async (relative, isFile) => {
    if (isFile && matcher.test(relative)) out.push(join(base, relative));
  });
  return out;
}

async function walk(base: string, prefix: string, deep: boolean, visit: (relative: string, isFile: boolean) => Promise<void>): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(base, prefix), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile()) await visit(relative, true);
    else if (deep && entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') await walk(base, relative, deep, visit);
  }
}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a bare `**` anything.
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:[^/]+/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end === -1) source += '\\{';
      else {
        source += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((part) => globToRegExp(part).source.slice(1, -1))
          .join('|')})`;
        i = end;
      }
    } else source += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
