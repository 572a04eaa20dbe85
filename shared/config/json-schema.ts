/**
 * mlops.yml as a JSON Schema (`mlops schema`, for editors). A module of its own so that zod's JSON
 * Schema code stays with the CLI command and off the stages' start path.
 */
import * as z from 'zod/mini';
import '../zod/setup.js';
import { ConfigSchema } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    $id: 'https://github.com/mlops-actions/mlops-actions/schema/mlops.schema.json',
    title: 'mlops.yml',
    ...schema,
  };
}
