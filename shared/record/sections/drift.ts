import { z } from 'zod';

export const DriftRecord = z.looseObject({
  reference: z.string(),
  current: z.string(),
  drifted: z.boolean(),
  columns: z.array(z.looseObject({ column: z.string(), test: z.string(), statistic: z.number(), p_value: z.number().nullable().optional(), drifted: z.boolean() })),
});
