/** Looks inside a zod schema: which keys an object at a given path accepts (for suggestions). */
import * as z from 'zod/mini';
import '../zod/setup.js';

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault' || def.type === 'catch' || def.type === 'readonly') && def.innerType) {
      current = def.innerType;
    } else {
      return current;
    }
  }
}

export function schemaAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = current._zod.def as { type: string; shape?: Record<string, AnySchema>; valueType?: AnySchema; element?: AnySchema };
    if (def.type === 'object' && def.shape) current = def.shape[String(segment)];
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'array') current = def.element;
    else return undefined;
    current = current ? unwrap(current) : undefined;
  }
  return current;
}

export function knownKeysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const target = schemaAt(schema, path);
  const def = target?._zod.def as { type: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
