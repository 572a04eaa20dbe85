import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-T2QH2H4B.js";

// shared/stage/unavailable.ts
function unavailableStage(name) {
  return {
    name,
    readOptions() {
      throw new UserError(`the ${name} stage is not available in this version of mlops-actions`, {
        hint: "Remove this step or pin a version that has it; see the README for the stages that are available."
      });
    },
    async run() {
      return { outputs: {} };
    }
  };
}

export {
  unavailableStage
};
