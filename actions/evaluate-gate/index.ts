/** The bundled entry the runner executes (action.yml runs.main: dist/evaluate-gate.js). */
import { run } from './main.js';

await run();
