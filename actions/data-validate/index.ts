/** The bundled entry the runner executes (action.yml runs.main: dist/data-validate.js). */
import { run } from './main.js';

await run();
