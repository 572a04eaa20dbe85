/** The bundled entry the runner executes (action.yml runs.main: dist/train.js). */
import { run } from './main.js';

await run();
