/**
 * URL paths → routes. Path segments are percent-decoded one by one; a segment that decodes to
 * something holding "/" or a control character, or is "." or "..", is refused, so a model name
 * from a URL can never name a path.
 */
import { badRequest } from '../http-error.js';

export type Route =
  | { kind: 'live' | 'ready' | 'server-metadata' | 'metrics' | 'repository-index' }
  | { kind: 'model-metadata' | 'model-ready' | 'infer'; name: string; version?: string }
  | { kind: 'traffic'; name: string }
  | { kind: 'load' | 'unload'; name: string }
  | { kind: 'not-found' };

function segments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s !== '')
    .map((raw) => {
      let s: string;
      try {
        s = decodeURIComponent(raw);
      } catch {
        throw badRequest('the URL path is not valid percent-encoding');
      }
      if (s === '.' || s === '..' || /[/\\\u0000-\u001f\u007f]/.test(s)) throw badRequest('a name in the URL path may not contain "/", "\\", control characters, or be "." or ".."');
      return s;
    });
}

export function route(pathname: string): Route {
  const parts = segments(pathname);
  if (parts.length === 1 && parts[0] === 'metrics') return { kind: 'metrics' };
  if (parts[0] !== 'v2') return { kind: 'not-found' };
  const rest = parts.slice(1);
  if (rest.length === 0) return { kind: 'server-metadata' };
  if (rest[0] === 'health' && rest.length === 2) {
    if (rest[1] === 'live') return { kind: 'live' };
    if (rest[1] === 'ready') return { kind: 'ready' };
  }
  if (rest[0] === 'repository') {
    if (rest.length === 2 && rest[1] === 'index') return { kind: 'repository-index' };
    if (rest.length === 4 && rest[1] === 'models' && (rest[3] === 'load' || rest[3] === 'unload')) return { kind: rest[3], name: rest[2]! };
  }
  if (rest[0] === 'models' && rest.length >= 2) {
    const name = rest[1]!;
    let tail = rest.slice(2);
    let version: string | undefined;
    if (tail[0] === 'versions') {
      if (tail.length < 2) return { kind: 'not-found' };
      version = tail[1];
      tail = tail.slice(2);
    }
    if (tail.length === 0) return { kind: 'model-metadata', name, version };
    if (tail.length === 1 && tail[0] === 'ready') return { kind: 'model-ready', name, version };
    if (tail.length === 1 && tail[0] === 'infer') return { kind: 'infer', name, version };
    if (tail.length === 1 && tail[0] === 'traffic' && version === undefined) return { kind: 'traffic', name };
  }
  return { kind: 'not-found' };
}

/** Methods each route answers. */
export const METHODS: Record<Route['kind'], string[]> = {
  live: ['GET', 'HEAD'],
  ready: ['GET', 'HEAD'],
  'server-metadata': ['GET'],
  metrics: ['GET'],
  'repository-index': ['POST'],
  'model-metadata': ['GET'],
  'model-ready': ['GET', 'HEAD'],
  infer: ['POST'],
  traffic: ['GET', 'PUT'],
  load: ['POST'],
  unload: ['POST'],
  'not-found': [],
};
