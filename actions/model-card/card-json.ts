/** model-card.json: the card as machine-readable data, validated against model-card.schema.json. */
import type { ValidateFunction } from 'ajv';
import type { CardContent } from './card-content.js';
import schema from './model-card.schema.json' with { type: 'json' };

export const CARD_JSON_VERSION = 1;

export function cardJson(card: CardContent, missing: string[]): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      schema_version: CARD_JSON_VERSION,
      name: card.name,
      task: card.task,
      description: card.description,
      sections: card.sections,
      missing_sections: missing,
      model: card.model,
      training: card.training,
      evaluation: card.evaluation,
      data: card.data,
      governance: card.governance,
      lineage: card.lineage,
    }),
  ) as Record<string, unknown>;
}

let compiled: Promise<ValidateFunction> | undefined;

/** The schema's validator, compiled on first use: ajv is loaded only when a card is checked, not at start. */
function validator(): Promise<ValidateFunction> {
  compiled ??= import('ajv/dist/2020.js').then((module) => {
    // ajv is CommonJS: bundled, the class is on the default export; under Node's own loader, also a named one.
    const Ajv2020 = module.Ajv2020 ?? (module as unknown as { default: typeof module }).default.Ajv2020;
    return new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  });
  return compiled;
}

/** Returns the schema errors as readable lines; empty when valid. */
export async function validateCardJson(value: unknown): Promise<string[]> {
  const validate = await validator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
