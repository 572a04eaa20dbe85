/**
 * Turns on Node's on-disk compile cache (node:module enableCompileCache, Node ≥ 22.1) before the
 * action's code is loaded: V8's compiled code for the bundles is kept in the OS temp directory, so
 * the later steps of a job that use mlops-actions (which share most of the bundle) skip compiling
 * it again. Harmless where unsupported or unwritable: Node then just compiles as usual.
 */
import * as nodeModule from 'node:module';

export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  try {
    enable?.();
  } catch {
    // A read-only temp directory: start without the cache.
  }
}
