/** The `baseline` input follows the rule every model input follows: see shared/registry/model-spec.ts. */
export { classifyModelSpec as classifyBaseline, type ModelSource as BaselineSource } from '../../shared/registry/model-spec.js';
