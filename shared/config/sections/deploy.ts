import * as z from 'zod/mini';
import '../../zod/setup.js';
import { KserveSection } from './deploy-kserve.js';

export const DeploySection = z.strictObject({
  target: z.optional(z.enum(['server', 'kserve'])).check(z.describe('Where to deploy (default server: an `mlops serve` instance; kserve: a KServe InferenceService).')),
  url: z.optional(z.string().check(z.url())).check(z.describe('Base URL of the `mlops serve` instance.')),
  environment: z.optional(z.string().check(z.minLength(1), z.maxLength(255))).check(z.describe('GitHub environment name (default production).')),
  strategy: z.optional(z.enum(['canary', 'all-at-once'])).check(z.describe('canary (default): step the traffic; all-at-once: 100 % after the smoke test.')),
  steps: z.optional(z.array(z.number().check(z.int(), z.gte(1), z.lte(100))).check(z.minLength(1))).check(z.describe('Canary traffic percentages, strictly increasing, ending at 100 (default [10, 50, 100]).')),
  bake_seconds: z.optional(z.number().check(z.gte(0.1), z.lte(86_400))).check(z.describe('Seconds of live traffic per step before it is judged (default 60).')),
  max_error_rate: z.optional(z.number().check(z.gte(0), z.lte(1))).check(z.describe('Highest canary 5xx rate allowed (default 0.01).')),
  max_p99_ms: z.optional(z.number().check(z.gt(0))).check(z.describe('Highest canary p99 latency in milliseconds (default 500).')),
  max_prediction_shift: z.optional(z.number().check(z.gte(0), z.lte(1))).check(z.describe('Highest Jensen–Shannon distance (base 2) between canary and stable prediction histograms, judged only when a chi-square test finds the difference significant (default 0.1).')),
  min_requests: z.optional(z.number().check(z.int(), z.gte(1))).check(z.describe('Canary requests needed to judge a step; fewer is inconclusive and holds the step (default 20).')),
  min_predictions: z.optional(z.number().check(z.int(), z.gte(1))).check(z.describe('Predictions per version needed to compare distributions (default 50).')),
  hold_factor: z.optional(z.number().check(z.gte(1), z.lte(100))).check(z.describe('An inconclusive step is held up to this many bake periods, then rolled back (default 5).')),
  smoke_data: z.optional(z.string().check(z.minLength(1))).check(z.describe('Golden rows (CSV/Parquet/JSONL) sent to the new version before it gets traffic.')),
  alias: z.optional(z.string().check(z.minLength(1))).check(z.describe('Registry alias moved to the deployed version after success (default prod).')),
  kserve: z.optional(KserveSection),
}).check(z.describe('Settings for the deploy stage.'));
