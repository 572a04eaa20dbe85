/** The bundled entry the runner executes (action.yml runs.main: dist/register.js). */
import { run } from './main.js';

await run();
