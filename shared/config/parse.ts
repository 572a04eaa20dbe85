/**
 * Parses mlops.yml: YAML syntax errors and schema errors become one UserError naming the file,
 * line, column and key path, with a suggestion for a near-miss key.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { UserError } from '../errors/user-error.js';
import { ConfigSchema, type Config } from './schema.js';
import { knownKeysAt } from './schema-walk.js';
import { suggestKey } from './suggest.js';

export function parseConfig(text: string, file: string): Config {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const at = lines.linePos(syntax.pos[0]);
    throw new UserError(`invalid YAML: ${syntax.message.split('\n')[0]}`, {
      where: { file, line: at.line, column: at.col },
      hint: 'Fix the YAML syntax (indentation, quotes, colons).',
    });
  }
  rejectMergeKeys(document, lines, file);
  const data: unknown = document.toJS() ?? {};
  const result = ConfigSchema.safeParse(data);
  if (result.success) return result.data;
  throw describeIssue(result.error.issues, document, lines, file);
}

/**
 * mlops.yml is YAML 1.2, which has no merge keys: `<<: *anchor` would silently become a key named
 * "<<" (an unknown key, or a column named "<<"). Refused wherever it appears, with its position.
 */
function rejectMergeKeys(document: Document, lines: LineCounter, file: string): void {
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.value === '<<') {
        const at = pair.key.range ? lines.linePos(pair.key.range[0]) : undefined;
        throw new UserError('YAML merge keys (`<<: *anchor`) are not supported in mlops.yml', {
          where: { file, ...(at ? { line: at.line, column: at.col } : {}) },
          hint: 'Write the keys out in each place; an alias of a whole value (`key: *anchor`) does work.',
        });
      }
    },
  });
}

function describeIssue(issues: z.core.$ZodIssue[], document: Document, lines: LineCounter, file: string): UserError {
  const issue = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const path = [...issue.path, key];
    const suggestion = suggestKey(key, knownKeysAt(ConfigSchema, issue.path));
    const known = knownKeysAt(ConfigSchema, issue.path);
    return new UserError(`unknown key "${key}"${more}`, {
      where: { file, ...position(document, lines, issue.path, key), key: keyPath(path) },
      hint: suggestion ? `Did you mean "${suggestion}"?` : `Known keys here: ${known.join(', ') || '(none in this version)'}.`,
    });
  }
  return new UserError(`${issue.message}${more}`, {
    where: { file, ...position(document, lines, issue.path), key: keyPath(issue.path) || '(top level)' },
    hint: 'See `mlops schema` for every key and type.',
  });
}

function position(document: Document, lines: LineCounter, path: readonly PropertyKey[], childKey?: string) {
  const segments = path.map((p) => (typeof p === 'number' ? p : String(p)));
  let node = segments.length ? document.getIn(segments, true) : document.contents;
  if (childKey !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === childKey);
    node = pair?.key ?? node;
  }
  // A missing key points at the map that should hold it.
  for (let depth = segments.length; !hasRange(node) && depth > 0; depth--) node = document.getIn(segments.slice(0, depth - 1), true);
  if (!hasRange(node)) return {};
  const at = lines.linePos(node.range[0]);
  return { line: at.line, column: at.col };
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}
