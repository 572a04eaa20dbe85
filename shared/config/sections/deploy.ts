import { z } from 'zod';
import { KserveSection } from './deploy-kserve.js';

export const DeploySection = z
  .strictObject({
    target: z.enum(['server', 'kserve']).optional().describe('Where to deploy (default server: an `mlops serve` instance; kserve: a KServe InferenceService).'),
    url: z.string().url().optional().describe('Base URL of the `mlops serve` instance.'),
    environment: z.string().min(1).max(255).optional().describe('GitHub environment name (default production).'),
    strategy: z.enum(['canary', 'all-at-once']).optional().describe('canary (default): step the traffic; all-at-once: 100 % after the smoke test.'),
    steps: z.array(z.number().int().min(1).max(100)).min(1).optional().describe('Canary traffic percentages, strictly increasing, ending at 100 (default [10, 50, 100]).'),
    bake_seconds: z.number().min(0.1).max(86_400).optional().describe('Seconds of live traffic per step before it is judged (default 60).'),
    max_error_rate: z.number().min(0).max(1).optional().describe('Highest canary 5xx rate allowed (default 0.01).'),
    max_p99_ms: z.number().positive().optional().describe('Highest canary p99 latency in milliseconds (default 500).'),
    max_prediction_shift: z.number().min(0).max(1).optional().describe('Highest Jensen–Shannon distance (base 2) between canary and stable prediction histograms, judged only when a chi-square test finds the difference significant (default 0.1).'),
    min_requests: z.number().int().min(1).optional().describe('Canary requests needed to judge a step; fewer is inconclusive and holds the step (default 20).'),
    min_predictions: z.number().int().min(1).optional().describe('Predictions per version needed to compare distributions (default 50).'),
    hold_factor: z.number().min(1).max(100).optional().describe('An inconclusive step is held up to this many bake periods, then rolled back (default 5).'),
    smoke_data: z.string().min(1).optional().describe('Golden rows (CSV/Parquet/JSONL) sent to the new version before it gets traffic.'),
    alias: z.string().min(1).optional().describe('Registry alias moved to the deployed version after success (default prod).'),
    kserve: KserveSection.optional(),
  })
  .describe('Settings for the deploy stage.');
