import { z } from 'zod';

const Severity = z.enum(['error', 'warning']);
const Scalar = z.union([z.string(), z.number(), z.boolean()]);
/** Numbers for numeric columns; ISO dates/timestamps ("2024-01-31", "2024-01-31T12:00:00") for date columns. */
const Bound = z.union([z.number(), z.string().min(1)]);

const Range = z
  .strictObject({
    min: z.number().optional().describe('Lowest allowed value (inclusive).'),
    max: z.number().optional().describe('Highest allowed value (inclusive).'),
  })
  .describe('Bounds on a column statistic.');

const QuantileBound = z
  .strictObject({
    q: z.number().gt(0).lt(1).describe('The quantile, e.g. 0.5 for the median.'),
    min: z.number().optional().describe('Lowest allowed value of the quantile (inclusive).'),
    max: z.number().optional().describe('Highest allowed value of the quantile (inclusive).'),
  })
  .describe('Bounds on one quantile of the column (computed from a 1 000-bin histogram: exact to one bin width).');

export const ColumnType = z.enum(['integer', 'number', 'string', 'boolean', 'date', 'timestamp']);

export const ColumnContract = z
  .strictObject({
    type: ColumnType.optional().describe('Expected type. A value that does not parse as this type is a `type` finding (and only that).'),
    nullable: z.boolean().optional().describe('Whether missing values are allowed (default true). false: every NULL/empty value is a `nullable` finding.'),
    max_null_fraction: z.number().min(0).max(1).optional().describe('Largest allowed fraction of missing values (0-1), checked over the whole column (`null-fraction`).'),
    unique: z.boolean().optional().describe('Every non-missing value must occur once; each repeat is a `unique` finding.'),
    min: Bound.optional().describe('Lowest allowed value (inclusive): a number, or an ISO date/timestamp for date columns (`range`).'),
    max: Bound.optional().describe('Highest allowed value (inclusive): a number, or an ISO date/timestamp for date columns (`range`).'),
    values: z.array(Scalar).min(1).optional().describe('The allowed values (`values`).'),
    pattern: z.string().min(1).optional().describe('Regular expression (RE2 syntax) every value must match in full (`pattern`).'),
    min_length: z.number().int().nonnegative().optional().describe('Shortest allowed string length in characters (`length`).'),
    max_length: z.number().int().nonnegative().optional().describe('Longest allowed string length in characters (`length`).'),
    mean: Range.optional().describe('Bounds on the column mean (`mean`).'),
    stddev: Range.optional().describe('Bounds on the sample standard deviation (`stddev`).'),
    quantiles: z.array(QuantileBound).optional().describe('Bounds on quantiles (`quantile`).'),
    distinct: Range.optional().describe('Bounds on the number of distinct values (`distinct`, HyperLogLog estimate: about 2% error).'),
    severity: Severity.optional().describe('Severity of this column\'s findings (default error).'),
    skew: z.boolean().optional().describe('Set false to leave this column out of the skew check.'),
  })
  .describe('The contract for one column.');

export const SkewSettings = z
  .strictObject({
    psi: z.number().positive().optional().describe('Population stability index above which a column is flagged (default 0.25, the usual "major shift" band).'),
    jsd: z.number().positive().max(1).optional().describe('Jensen–Shannon distance (base 2, 0-1) above which a column is flagged (default 0.1).'),
    bins: z.number().int().min(2).max(100).optional().describe('Bins for numeric columns: quantile bins of the reference (default 10).'),
    significance: z
      .number()
      .gt(0)
      .lt(0.5)
      .optional()
      .describe(
        'A column is flagged only when its statistic also exceeds what sampling alone produces at this level: the (1 - significance) quantile of the statistic under "same distribution", for these sample sizes (default 0.01). This keeps small samples from being flagged.',
      ),
    severity: Severity.optional().describe('Severity of skew findings (default warning).'),
  })
  .describe('Skew against the `reference` input: per-column PSI and Jensen–Shannon distance.');

export const DataSection = z
  .strictObject({
    rows: Range.optional().describe('Bounds on the number of data rows (`row-count`).'),
    unexpected_columns: z.enum(['error', 'warn', 'allow']).optional().describe('What a column the contract does not name is: an error, a warning (default), or allowed.'),
    columns: z.record(z.string().min(1), ColumnContract).optional().describe('The contract per column, by column name. A named column the data lacks is a `missing-column` error.'),
    skew: SkewSettings.optional(),
    max_lines: z.number().int().min(1).max(1000).optional().describe('How many offending line numbers each finding lists (default 10).'),
    max_annotations: z.number().int().min(0).max(1000).optional().describe('How many file annotations the step writes in all (default 50; the total is always reported).'),
  })
  .describe('The data contract (data-validate stage): what the data must look like.');

export type DataContract = z.infer<typeof DataSection>;
export type ColumnContractConfig = z.infer<typeof ColumnContract>;
export type SkewConfig = z.infer<typeof SkewSettings>;
export type ContractColumnType = z.infer<typeof ColumnType>;
