import * as z from 'zod/mini';
import '../../zod/setup.js';

const Severity = z.enum(['error', 'warning']);
const Scalar = z.union([z.string(), z.number(), z.boolean()]);
/** Numbers for numeric columns; ISO dates/timestamps ("2024-01-31", "2024-01-31T12:00:00") for date columns. */
const Bound = z.union([z.number(), z.string().check(z.minLength(1))]);

const Range = z.strictObject({
  min: z.optional(z.number()).check(z.describe('Lowest allowed value (inclusive).')),
  max: z.optional(z.number()).check(z.describe('Highest allowed value (inclusive).')),
}).check(z.describe('Bounds on a column statistic.'));

const QuantileBound = z.strictObject({
  q: z.number().check(z.gt(0), z.lt(1), z.describe('The quantile, e.g. 0.5 for the median.')),
  min: z.optional(z.number()).check(z.describe('Lowest allowed value of the quantile (inclusive).')),
  max: z.optional(z.number()).check(z.describe('Highest allowed value of the quantile (inclusive).')),
}).check(z.describe('Bounds on one quantile of the column (computed from a 1 000-bin histogram: exact to one bin width).'));

export const ColumnType = z.enum(['integer', 'number', 'string', 'boolean', 'date', 'timestamp']);

export const ColumnContract = z.strictObject({
  type: z.optional(ColumnType).check(z.describe('Expected type. A value that does not parse as this type is a `type` finding (and only that).')),
  nullable: z.optional(z.boolean()).check(z.describe('Whether missing values are allowed (default true). false: every NULL/empty value is a `nullable` finding.')),
  max_null_fraction: z.optional(z.number().check(z.gte(0), z.lte(1))).check(z.describe('Largest allowed fraction of missing values (0-1), checked over the whole column (`null-fraction`).')),
  unique: z.optional(z.boolean()).check(z.describe('Every non-missing value must occur once; each repeat is a `unique` finding.')),
  min: z.optional(Bound).check(z.describe('Lowest allowed value (inclusive): a number, or an ISO date/timestamp for date columns (`range`).')),
  max: z.optional(Bound).check(z.describe('Highest allowed value (inclusive): a number, or an ISO date/timestamp for date columns (`range`).')),
  values: z.optional(z.array(Scalar).check(z.minLength(1))).check(z.describe('The allowed values (`values`).')),
  pattern: z.optional(z.string().check(z.minLength(1))).check(z.describe('Regular expression (RE2 syntax) every value must match in full (`pattern`).')),
  min_length: z.optional(z.number().check(z.int(), z.gte(0))).check(z.describe('Shortest allowed string length in characters (`length`).')),
  max_length: z.optional(z.number().check(z.int(), z.gte(0))).check(z.describe('Longest allowed string length in characters (`length`).')),
  mean: z.optional(Range).check(z.describe('Bounds on the column mean (`mean`).')),
  stddev: z.optional(Range).check(z.describe('Bounds on the sample standard deviation (`stddev`).')),
  quantiles: z.optional(z.array(QuantileBound)).check(z.describe('Bounds on quantiles (`quantile`).')),
  distinct: z.optional(Range).check(z.describe('Bounds on the number of distinct values (`distinct`, HyperLogLog estimate: about 2% error).')),
  severity: z.optional(Severity).check(z.describe('Severity of this column\'s findings (default error).')),
  skew: z.optional(z.boolean()).check(z.describe('Set false to leave this column out of the skew check.')),
}).check(z.describe('The contract for one column.'));

export const SkewSettings = z.strictObject({
  psi: z.optional(z.number().check(z.gt(0))).check(z.describe('Population stability index above which a column is flagged (default 0.25, the usual "major shift" band).')),
  jsd: z.optional(z.number().check(z.gt(0), z.lte(1))).check(z.describe('Jensen–Shannon distance (base 2, 0-1) above which a column is flagged (default 0.1).')),
  bins: z.optional(z.number().check(z.int(), z.gte(2), z.lte(100))).check(z.describe('Bins for numeric columns: quantile bins of the reference (default 10).')),
  significance: z.optional(z.number().check(z.gt(0), z.lt(0.5))).check(z.describe('A column is flagged only when its statistic also exceeds what sampling alone produces at this level: the (1 - significance) quantile of the statistic under "same distribution", for these sample sizes (default 0.01). This keeps small samples from being flagged.')),
  severity: z.optional(Severity).check(z.describe('Severity of skew findings (default warning).')),
}).check(z.describe('Skew against the `reference` input: per-column PSI and Jensen–Shannon distance.'));

export const DataSection = z.strictObject({
  rows: z.optional(Range).check(z.describe('Bounds on the number of data rows (`row-count`).')),
  unexpected_columns: z.optional(z.enum(['error', 'warn', 'allow'])).check(z.describe('What a column the contract does not name is: an error, a warning (default), or allowed.')),
  columns: z.optional(z.record(z.string().check(z.minLength(1)), ColumnContract)).check(z.describe('The contract per column, by column name. A named column the data lacks is a `missing-column` error.')),
  skew: z.optional(SkewSettings),
  max_lines: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))).check(z.describe('How many offending line numbers each finding lists (default 10).')),
  max_annotations: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1000))).check(z.describe('How many file annotations the step writes in all (default 50; the total is always reported).')),
}).check(z.describe('The data contract (data-validate stage): what the data must look like.'));

export type DataContract = z.infer<typeof DataSection>;
export type ColumnContractConfig = z.infer<typeof ColumnContract>;
export type SkewConfig = z.infer<typeof SkewSettings>;
export type ContractColumnType = z.infer<typeof ColumnType>;
