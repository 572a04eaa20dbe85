/**
 * CLI commands that are not stages. Each command module exports a handler; register it here with
 * its summary. A command's module is imported only when that command runs, so `mlops data-validate`
 * does not load the inference server (prom-client), the registry client or the YAML writer first.
 */
import type { ParsedArgs } from '../args.js';
import type { CliIO } from '../run-stage-command.js';

export interface Command {
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  schema: { summary: 'Print the JSON Schema of mlops.yml (for editor autocompletion).', load: async () => (await import('./schema.js')).schemaCommand },
  data: { summary: 'infer <data> [--out file]: write a starting data contract (the data: section of mlops.yml) from the data.', load: async () => (await import('./data.js')).dataCommand },
  registry: { summary: 'list, show and pull registered model versions', load: async () => (await import('./registry.js')).registryCommand },
  serve: { summary: 'serve ONNX models over the Open Inference Protocol (v2)', load: async () => (await import('./serve.js')).serveCommand },
  lineage: { summary: 'commit → data → training → gate evidence (fairness, importance) → card → digest → deployments of a registered version', load: async () => (await import('./lineage.js')).lineageCommand },
};
