/** The bundled entry the runner executes (action.yml runs.main: dist/model-card.js). */
import { run } from './main.js';

await run();
