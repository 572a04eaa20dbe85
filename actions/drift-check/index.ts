/** The bundled entry the runner executes (action.yml runs.main: dist/drift-check.js). */
import { run } from './main.js';

await run();
