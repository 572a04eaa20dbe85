/**
 * The bundled entry the runner executes (action.yml runs.main: dist/train.js): the compile cache is
 * turned on first, then main.ts is loaded and its run() called.
 */
import { enableCompileCache } from '../../shared/host/compile-cache.js';

enableCompileCache();
const { run } = await import('./main.js');
await run();
