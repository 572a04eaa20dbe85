/** model-card.json: the card as machine-readable data, validated against model-card.schema.json. */
import { Ajv2020 } from 'ajv/dist/2020.js';
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

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Returns the schema errors as readable lines; empty when valid. */
export function validateCardJson(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
