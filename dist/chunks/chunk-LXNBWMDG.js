import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  _minLength,
  array,
  describe,
  optional,
  strictObject,
  string
} from "./chunk-A3VPNE7V.js";

// shared/config/sections/model-card.ts
var text = (what) => string().check(describe(what));
var ModelCardSection = strictObject({
  owners: optional(array(string().check(_minLength(1)))).check(describe("Teams or people who own the model.")),
  license: optional(text("SPDX identifier or name of the model licence.")),
  description: optional(text("What the model is and does.")),
  version_notes: optional(text("What changed in this version.")),
  references: optional(array(string())).check(describe("Papers, docs or links about the model.")),
  citation: optional(text("How to cite the model.")),
  contact: optional(text("Where to send questions or concerns.")),
  intended_use: optional(text("Primary intended uses and users.")),
  out_of_scope: optional(text("Uses the model is not meant or fit for.")),
  factors: optional(text("Groups, instruments or environments whose performance may differ.")),
  metrics: optional(text("Why these metrics and thresholds were chosen.")),
  training_data: optional(text("Training data: source, collection, preprocessing.")),
  evaluation_data: optional(text("Evaluation data: source, why chosen, preprocessing.")),
  ethical_considerations: optional(text("Risks, sensitive data, mitigations.")),
  limitations: optional(text("Known limitations.")),
  caveats: optional(text("Caveats and recommendations."))
}).check(describe("Human-written parts of the model card."));
var modelCardKeys = Object.keys(ModelCardSection.shape);

export {
  ModelCardSection,
  modelCardKeys
};
