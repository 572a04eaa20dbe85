import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  require_applicator,
  require_codegen,
  require_compile,
  require_core,
  require_core2,
  require_dependencies,
  require_discriminator,
  require_format,
  require_metadata,
  require_names,
  require_ref,
  require_ref_error,
  require_util,
  require_validate,
  require_validation,
  require_validation_error
} from "./chunk-SXD2OBMI.js";
import {
  parseCommentMode,
  postReport
} from "./chunk-X3DDL52Z.js";
import {
  loadConfig,
  modelCardKeys
} from "./chunk-6RPTW6B2.js";
import {
  code,
  details,
  escapeCell,
  escapeText,
  formatNumber,
  link,
  listInput,
  requiredInput,
  runContext,
  table
} from "./chunk-HTJJ43AS.js";
import {
  DEFAULT_RECORD_PATH,
  appendSection,
  readRecord,
  writeFileAtomic
} from "./chunk-JPJAALAY.js";
import {
  suggestKey
} from "./chunk-PZERGBQP.js";
import {
  UserError,
  require_dist
} from "./chunk-MMVWCL4Z.js";
import {
  __commonJS,
  __toESM
} from "./chunk-D4RZRY5B.js";

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate2 = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v}`, () => gen.assign(v, validate2));
    }
    exports.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema, self } = cxt.it;
      const { root, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema, schemaId, root, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v, _callRef(v, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate2, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate2);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate2);
      }
    }
    exports.dynamicRef = dynamicRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports.default = unevaluated;
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema();
    var applicator = require_applicator2();
    var unevaluated = require_unevaluated2();
    var content = require_content();
    var core = require_core3();
    var format = require_format_annotation();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv2, sch) {
        return $data ? ajv2.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20202 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2020 = Ajv20202;
    module.exports = exports = Ajv20202;
    module.exports.Ajv2020 = Ajv20202;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20202;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// actions/model-card/model-card.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

// actions/model-card/governance-card.ts
var EVIDENCE_KEYS = ["fairness", "explainability"];
function cardGovernance(record) {
  const evaluation = record?.evaluation;
  if (!evaluation || !evaluation.fairness && !evaluation.importance) return void 0;
  const checks = Array.isArray(evaluation.governance) ? evaluation.governance : [];
  return { fairness: evaluation.fairness, importance: evaluation.importance, checks };
}
function missingEvidence(governance, require2) {
  return require2.filter((key) => key === "fairness" ? !governance?.fairness?.length : key === "explainability" ? !governance?.importance : false);
}
var interval = (ci) => ci && ci[0] !== null && ci[1] !== null ? `[${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : "\u2014";
function factorsEvidence(governance) {
  if (!governance?.fairness?.length) return [];
  const byAttribute = /* @__PURE__ */ new Map();
  for (const f of governance.fairness) if (!byAttribute.has(f.attribute)) byAttribute.set(f.attribute, f);
  const lines = ["**Sensitive attributes evaluated** (groups and holdout rows; groups with too few rows are reported, not tested):", ""];
  for (const [attribute, f] of byAttribute) {
    const groups = Object.entries(f.groups).map(([group, rates]) => `${code(group)} ${rates.rows}${f.untested_groups?.includes(group) ? " (not tested)" : ""}`);
    lines.push(`- ${code(attribute)}: ${groups.join(", ")}`);
  }
  lines.push("");
  return lines;
}
function quantitativeEvidence(governance) {
  if (!governance) return [];
  const lines = [];
  if (governance.fairness?.length) {
    const rows = governance.fairness.map((f) => [code(f.attribute), code(f.metric), formatNumber(f.candidate), interval(f.candidate_ci), formatNumber(f.baseline), interval(f.ci), escapeCell(f.verdict)]);
    lines.push("**Fairness across groups** (fairlearn definitions; bootstrap intervals, paired against the baseline):", "", table(["attribute", "metric", "value", "CI", "baseline", "CI of \u0394", "verdict"], rows), "");
  }
  const importance = governance.importance;
  if (importance) {
    const rows = importance.features.filter((f) => f.candidate).slice(0, 10).map((f) => [code(f.feature), formatNumber(f.candidate.mean), interval(f.candidate.ci), f.baseline ? formatNumber(f.baseline.mean) : "\u2014", f.baseline ? interval(f.baseline.ci) : "\u2014"]);
    lines.push(`**Permutation feature importance** (drop of ${code(importance.metric)}, ${importance.repeats} seeded permutations on ${importance.rows} holdout rows; top ${rows.length}):`, "", table(["feature", "importance", "CI", "baseline", "baseline CI"], rows), "");
  }
  return lines;
}
function checksEvidence(governance) {
  if (!governance?.checks.length) return ["**Governance checks run:** none (no fairness or explainability evidence in the run record; see gate.fairness and gate.explain).", ""];
  return ["**Governance checks run:**", "", ...governance.checks.map((c) => `- ${escapeCell(c.check)}: **${escapeCell(c.outcome)}**${c.detail ? ` (${escapeCell(c.detail)})` : ""}`), ""];
}

// actions/model-card/card-content.ts
function buildCardContent(config, record, here) {
  const name = config.model?.name ?? record?.model?.name ?? "model";
  const content = {
    name,
    task: config.model?.task ?? record?.evaluation?.task ?? record?.model?.task,
    description: config.model_card?.description ?? config.model?.description,
    sections: config.model_card ?? {},
    lineage: { commit: here.commit, repository: here.repository, runUrl: here.run_url, actor: here.actor }
  };
  if (!record) return content;
  const train = record.train;
  if (train) {
    content.training = {
      command: train.command,
      duration_seconds: train.duration_seconds,
      gpus: train.environment.gpus.map((gpu) => gpu.name),
      metrics: train.metrics,
      params: train.params,
      started_at: train.started_at
    };
    if (train.model) content.model = { path: train.model.path, sha256: train.model.sha256, bytes: train.model.bytes };
  }
  const evaluation = record.evaluation;
  if (evaluation) {
    content.model ??= { path: evaluation.model.path, sha256: evaluation.model.sha256 };
    content.evaluation = {
      rows: evaluation.data.rows,
      dataPath: evaluation.data.path,
      dataFingerprint: evaluation.data.fingerprint,
      alpha: evaluation.alpha,
      verdict: evaluation.verdict,
      baseline: evaluation.baseline?.ref,
      metrics: Object.entries(evaluation.metrics).map(([metric, result]) => metricRow(metric, result)),
      slices: (evaluation.slices ?? []).map((slice) => ({
        column: slice.column,
        value: slice.value,
        rows: slice.rows,
        metrics: Object.entries(slice.metrics).map(([metric, result]) => metricRow(metric, result))
      }))
    };
  }
  content.governance = cardGovernance(record);
  const data = record.data;
  if (data) {
    content.data = {
      fingerprint: data.fingerprint,
      rows: data.rows,
      columns: data.columns,
      files: data.files.map((file) => file.path),
      profile: data.profile_summary ?? []
    };
  }
  const trained = [...record.history].reverse().find((entry) => entry.stage === "train") ?? record.history.at(-1) ?? here;
  content.lineage = {
    commit: trained.commit ?? here.commit,
    repository: trained.repository ?? here.repository,
    runUrl: trained.run_url ?? [...record.history].reverse().find((entry) => entry.run_url)?.run_url ?? here.run_url,
    actor: trained.actor ?? here.actor,
    registryRef: record.registry?.reference,
    registryDigest: record.registry?.digest,
    version: record.registry?.version
  };
  return content;
}
function metricRow(name, result) {
  return {
    name,
    value: result.candidate,
    ci: result.candidate_ci ?? void 0,
    baseline: result.baseline,
    delta: result.delta,
    deltaCi: result.ci ?? void 0,
    verdict: result.verdict
  };
}
function missingSections(sections, required) {
  return required.filter((key) => {
    const value = sections[key];
    if (value === void 0 || value === null) return true;
    if (typeof value === "string") return value.trim() === "";
    if (Array.isArray(value)) return value.length === 0;
    return false;
  });
}

// actions/model-card/card-json.ts
var import__ = __toESM(require__(), 1);

// actions/model-card/model-card.schema.json
var model_card_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/mlops-actions/mlops-actions/schema/model-card.schema.json",
  title: "model-card.json",
  type: "object",
  required: ["schema_version", "name", "sections", "missing_sections", "lineage"],
  additionalProperties: false,
  $defs: {
    maybeInterval: { type: ["array", "null"], items: { type: ["number", "null"] }, minItems: 2, maxItems: 2 },
    importance: {
      type: ["object", "null"],
      required: ["mean", "ci"],
      properties: { mean: { type: ["number", "null"] }, ci: { $ref: "#/$defs/maybeInterval" } }
    },
    interval: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
    metric: {
      type: "object",
      required: ["name", "value"],
      additionalProperties: false,
      properties: {
        name: { type: "string" },
        value: { type: ["number", "null"] },
        ci: { $ref: "#/$defs/interval" },
        baseline: { type: ["number", "null"] },
        delta: { type: ["number", "null"] },
        deltaCi: { $ref: "#/$defs/interval" },
        verdict: { type: "string" }
      }
    }
  },
  properties: {
    schema_version: { const: 1 },
    name: { type: "string", minLength: 1 },
    task: { enum: ["classification", "regression"] },
    description: { type: "string" },
    sections: {
      type: "object",
      additionalProperties: false,
      properties: {
        owners: { type: "array", items: { type: "string" } },
        references: { type: "array", items: { type: "string" } },
        license: { type: "string" },
        description: { type: "string" },
        version_notes: { type: "string" },
        citation: { type: "string" },
        contact: { type: "string" },
        intended_use: { type: "string" },
        out_of_scope: { type: "string" },
        factors: { type: "string" },
        metrics: { type: "string" },
        training_data: { type: "string" },
        evaluation_data: { type: "string" },
        ethical_considerations: { type: "string" },
        limitations: { type: "string" },
        caveats: { type: "string" }
      }
    },
    missing_sections: { type: "array", items: { type: "string" } },
    model: {
      type: "object",
      additionalProperties: false,
      properties: {
        path: { type: "string" },
        sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
        bytes: { type: "integer", minimum: 0 }
      }
    },
    training: {
      type: "object",
      required: ["command", "duration_seconds", "gpus", "metrics", "started_at"],
      additionalProperties: false,
      properties: {
        command: { type: "string" },
        duration_seconds: { type: "number", minimum: 0 },
        gpus: { type: "array", items: { type: "string" } },
        metrics: { type: "object", additionalProperties: { type: "number" } },
        params: { type: "object" },
        started_at: { type: "string" }
      }
    },
    evaluation: {
      type: "object",
      required: ["rows", "dataPath", "alpha", "verdict", "metrics", "slices"],
      additionalProperties: false,
      properties: {
        rows: { type: "integer", minimum: 0 },
        dataPath: { type: "string" },
        dataFingerprint: { type: "string" },
        alpha: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
        verdict: { enum: ["pass", "fail", "inconclusive", "insufficient-evidence"] },
        baseline: { type: "string" },
        metrics: { type: "array", items: { $ref: "#/$defs/metric" } },
        slices: {
          type: "array",
          items: {
            type: "object",
            required: ["column", "value", "rows", "metrics"],
            additionalProperties: false,
            properties: {
              column: { type: "string" },
              value: { type: "string" },
              rows: { type: "integer", minimum: 0 },
              metrics: { type: "array", items: { $ref: "#/$defs/metric" } }
            }
          }
        }
      }
    },
    data: {
      type: "object",
      required: ["fingerprint", "rows", "files", "profile"],
      additionalProperties: false,
      properties: {
        fingerprint: { type: "string" },
        rows: { type: "integer", minimum: 0 },
        columns: { type: "integer", minimum: 0 },
        files: { type: "array", items: { type: "string" } },
        profile: {
          type: "array",
          items: {
            type: "object",
            required: ["name", "type"],
            properties: { name: { type: "string" }, type: { type: "string" } }
          }
        }
      }
    },
    governance: {
      description: "Governance evidence from evaluate-gate: fairness across groups, permutation importance, the checks that ran.",
      type: "object",
      required: ["checks"],
      additionalProperties: false,
      properties: {
        fairness: {
          type: "array",
          items: {
            type: "object",
            required: ["attribute", "metric", "groups", "candidate", "verdict"],
            properties: {
              attribute: { type: "string" },
              metric: { type: "string" },
              groups: { type: "object" },
              candidate: { type: ["number", "null"] },
              baseline: { type: ["number", "null"] },
              ci: { $ref: "#/$defs/maybeInterval" },
              candidate_ci: { $ref: "#/$defs/maybeInterval" },
              verdict: { type: "string" }
            }
          }
        },
        importance: {
          type: "object",
          required: ["metric", "repeats", "rows", "features"],
          properties: {
            metric: { type: "string" },
            repeats: { type: "integer" },
            rows: { type: "integer" },
            features: {
              type: "array",
              items: {
                type: "object",
                required: ["feature", "candidate", "baseline"],
                properties: {
                  feature: { type: "string" },
                  candidate: { $ref: "#/$defs/importance" },
                  baseline: { $ref: "#/$defs/importance" }
                }
              }
            }
          }
        },
        checks: {
          type: "array",
          items: {
            type: "object",
            required: ["check", "outcome"],
            properties: { check: { type: "string" }, outcome: { type: "string" }, detail: { type: "string" } }
          }
        }
      }
    },
    lineage: {
      type: "object",
      additionalProperties: false,
      properties: {
        commit: { type: "string" },
        repository: { type: "string" },
        runUrl: { type: "string" },
        actor: { type: "string" },
        registryRef: { type: "string" },
        registryDigest: { type: "string" },
        version: { type: "string" }
      }
    }
  }
};

// actions/model-card/card-json.ts
var CARD_JSON_VERSION = 1;
function cardJson(card, missing) {
  return JSON.parse(
    JSON.stringify({
      schema_version: CARD_JSON_VERSION,
      name: card.name,
      task: card.task,
      description: card.description,
      sections: card.sections,
      missing_sections: missing,
      model: card.model,
      training: card.training,
      evaluation: card.evaluation,
      data: card.data,
      governance: card.governance,
      lineage: card.lineage
    })
  );
}
var ajv = new import__.Ajv2020({ allErrors: true, strict: true });
var validate = ajv.compile(model_card_schema_default);
function validateCardJson(value) {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
}

// actions/model-card/render-markdown.ts
var import_yaml = __toESM(require_dist(), 1);
var EMPTY = "_Not provided. Add it to the `model_card` section of mlops.yml._";
function renderCardMarkdown(card) {
  const parts = [frontMatter(card), `# Model card: ${escapeText(card.name)}`, ""];
  if (card.description) parts.push(escapeText(card.description), "");
  parts.push(...modelDetails(card));
  parts.push(...prose("Intended use", [["Primary intended uses", card.sections.intended_use], ["Out-of-scope uses", card.sections.out_of_scope]]));
  parts.push(...prose("Factors", [["", card.sections.factors]]), ...factorsEvidence(card.governance));
  parts.push(...metricsSection(card));
  parts.push(...evaluationData(card));
  parts.push(...trainingData(card));
  parts.push(...quantitative(card));
  parts.push(...prose("Ethical considerations", [["", card.sections.ethical_considerations]]), ...checksEvidence(card.governance));
  parts.push(...prose("Caveats and recommendations", [["Limitations", card.sections.limitations], ["Caveats and recommendations", card.sections.caveats]]));
  parts.push(...lineage(card));
  return `${parts.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}
`;
}
function frontMatter(card) {
  const pipeline = card.task === "regression" ? "tabular-regression" : card.task === "classification" ? "tabular-classification" : void 0;
  const meta = {};
  if (card.sections.license) meta.license = card.sections.license;
  meta.library_name = "onnx";
  meta.tags = ["mlops-actions", "onnx", ...pipeline ? [pipeline] : []];
  if (pipeline) meta.pipeline_tag = pipeline;
  if (card.evaluation) {
    const metrics = card.evaluation.metrics.filter((metric) => typeof metric.value === "number").map((metric) => ({ type: metric.name, value: metric.value, name: metric.name }));
    meta["model-index"] = [
      {
        name: card.name,
        results: [
          {
            task: { type: pipeline ?? "tabular", name: pipeline ?? "tabular" },
            dataset: { name: card.evaluation.dataPath, type: card.evaluation.dataPath, split: "holdout" },
            metrics
          }
        ]
      }
    ];
  }
  return `---
${(0, import_yaml.stringify)(meta, { lineWidth: 0 }).trimEnd()}
---
`;
}
function prose(title, entries) {
  const lines = [`## ${title}`, ""];
  for (const [label, text] of entries) {
    if (label) lines.push(`**${label}.** ${text?.trim() ? escapeText(text.trim()) : EMPTY}`, "");
    else lines.push(text?.trim() ? escapeText(text.trim()) : EMPTY, "");
  }
  return lines;
}
function modelDetails(card) {
  const rows = [];
  const add = (label, value) => value && rows.push([label, value]);
  add("Name", escapeCell(card.name));
  add("Task", card.task && escapeCell(card.task));
  add("Version", card.lineage.version && escapeCell(card.lineage.version));
  add("Owners", card.sections.owners?.map(escapeCell).join(", "));
  add("Licence", card.sections.license && escapeCell(card.sections.license));
  add("Model file", card.model?.path && code(card.model.path));
  add("Model sha256", card.model?.sha256 && code(card.model.sha256));
  add("Model size", card.model?.bytes !== void 0 ? `${card.model.bytes} bytes` : void 0);
  add("Contact", card.sections.contact && escapeCell(card.sections.contact));
  add("Citation", card.sections.citation && escapeCell(card.sections.citation));
  const lines = ["## Model details", "", table(["", ""], rows), ""];
  if (card.sections.version_notes) lines.push(`**What changed.** ${escapeText(card.sections.version_notes)}`, "");
  if (card.training) {
    lines.push(`Trained with ${code(card.training.command)} in ${formatNumber(card.training.duration_seconds)} s${card.training.gpus.length ? ` on ${card.training.gpus.map(escapeCell).join(", ")}` : " on CPU"}, started ${card.training.started_at}.`, "");
    if (card.training.params && Object.keys(card.training.params).length) {
      const paramRows = Object.entries(card.training.params).map(([key, value]) => [escapeCell(key), code(JSON.stringify(value) ?? String(value))]);
      lines.push(details("Training parameters", table(["parameter", "value"], paramRows)), "");
    }
  }
  if (card.sections.references?.length) lines.push("**References.**", "", ...card.sections.references.map((ref) => `- ${/^https?:\/\//.test(ref) ? link(ref, ref) : escapeText(ref)}`), "");
  return lines;
}
function metricsSection(card) {
  const lines = ["## Metrics", ""];
  lines.push(card.sections.metrics?.trim() ? escapeText(card.sections.metrics.trim()) : EMPTY, "");
  if (card.evaluation) {
    const confidence = formatNumber((1 - card.evaluation.alpha) * 100, 3);
    lines.push(`Intervals are ${confidence} % confidence intervals (paired bootstrap over holdout rows). Gate verdict: **${escapeText(card.evaluation.verdict)}**.`, "");
  }
  return lines;
}
function evaluationData(card) {
  const lines = ["## Evaluation data", ""];
  lines.push(card.sections.evaluation_data?.trim() ? escapeText(card.sections.evaluation_data.trim()) : EMPTY, "");
  if (card.evaluation) {
    lines.push(`Holdout ${code(card.evaluation.dataPath)}: ${card.evaluation.rows} rows${card.evaluation.dataFingerprint ? `, fingerprint ${code(card.evaluation.dataFingerprint)}` : ""}.`, "");
  }
  return lines;
}
function trainingData(card) {
  const lines = ["## Training data", ""];
  lines.push(card.sections.training_data?.trim() ? escapeText(card.sections.training_data.trim()) : EMPTY, "");
  const data = card.data;
  if (data) {
    lines.push(`${data.rows} rows${data.columns !== void 0 ? ` \xD7 ${data.columns} columns` : ""} from ${data.files.map(code).join(", ")}; fingerprint ${code(data.fingerprint)}.`, "");
    if (data.profile.length) {
      const rows = data.profile.map((column) => [
        escapeCell(column.name),
        escapeCell(column.type),
        formatNumber(column.null_fraction),
        column.distinct === void 0 ? "\u2014" : String(column.distinct),
        profileValue(column.min),
        profileValue(column.max),
        formatNumber(column.mean)
      ]);
      lines.push(details("Data profile", table(["column", "type", "null fraction", "distinct", "min", "max", "mean"], rows)), "");
    }
  }
  return lines;
}
function profileValue(value) {
  if (typeof value === "number") return formatNumber(value);
  if (value === void 0 || value === null) return "\u2014";
  return escapeCell(String(value));
}
function quantitative(card) {
  const lines = ["## Quantitative analyses", ""];
  const evaluation = card.evaluation;
  if (!evaluation && !card.training) {
    lines.push("_No evaluation in the run record: run the evaluate-gate stage before model-card to fill this section._", "");
    return lines;
  }
  if (evaluation) {
    const hasBaseline = evaluation.metrics.some((metric) => metric.baseline !== void 0 && metric.baseline !== null);
    const header = hasBaseline ? ["metric", "value", "CI", "baseline", "\u0394", "CI of \u0394", "verdict"] : ["metric", "value", "CI", "verdict"];
    const rows = evaluation.metrics.map((metric) => metricCells(metric, hasBaseline));
    lines.push(`On the holdout (${evaluation.rows} rows)${evaluation.baseline ? `, against baseline ${code(evaluation.baseline)}` : ""}:`, "", table(header, rows), "");
    for (const slice of evaluation.slices) {
      const sliceRows = slice.metrics.map((metric) => metricCells(metric, false));
      lines.push(details(`Slice ${slice.column} = ${slice.value} (${slice.rows} rows)`, table(["metric", "value", "CI", "verdict"], sliceRows)), "");
    }
  }
  lines.push(...quantitativeEvidence(card.governance));
  if (card.training && Object.keys(card.training.metrics).length) {
    const rows = Object.entries(card.training.metrics).map(([name, value]) => [escapeCell(name), formatNumber(value)]);
    lines.push("Metrics reported by the training run (on its own data, not the holdout):", "", table(["metric", "value"], rows), "");
  }
  return lines;
}
function interval2(ci) {
  return ci ? `[${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : "\u2014";
}
function metricCells(metric, withBaseline) {
  const cells = [escapeCell(metric.name), formatNumber(metric.value), interval2(metric.ci)];
  if (withBaseline) cells.push(formatNumber(metric.baseline), formatNumber(metric.delta), interval2(metric.deltaCi));
  cells.push(metric.verdict ? escapeCell(metric.verdict) : "\u2014");
  return cells;
}
function lineage(card) {
  const { commit, repository, runUrl, registryRef, registryDigest, actor } = card.lineage;
  const rows = [];
  if (commit) rows.push(["Commit", repository ? link(commit.slice(0, 12), `https://github.com/${repository}/commit/${commit}`) : code(commit)]);
  if (runUrl) rows.push(["Workflow run", link(runUrl, runUrl)]);
  if (actor) rows.push(["Actor", escapeCell(actor)]);
  if (registryRef) rows.push(["Registry reference", code(registryRef)]);
  if (registryDigest) rows.push(["Registry digest", code(registryDigest)]);
  if (card.data) rows.push(["Training data fingerprint", code(card.data.fingerprint)]);
  if (card.evaluation?.dataFingerprint) rows.push(["Holdout fingerprint", code(card.evaluation.dataFingerprint)]);
  if (!rows.length) return ["## Lineage", "", "_No lineage recorded yet: the run record has no commit, run or registry entry._", ""];
  return ["## Lineage", "", table(["", ""], rows), ""];
}

// actions/model-card/model-card.ts
var modelCardStage = {
  name: "model-card",
  readOptions(host) {
    const record = host.input("record").trim() || DEFAULT_RECORD_PATH;
    const require2 = listInput(host, "require");
    for (const key of require2) {
      const allowed = [...modelCardKeys, ...EVIDENCE_KEYS];
      if (!allowed.includes(key)) {
        const guess = suggestKey(key, allowed);
        throw new UserError(`input "require" names "${key}", which is not a model_card key or evidence (fairness, explainability)`, {
          where: { key: "require" },
          hint: guess ? `Did you mean "${guess}"?` : `Keys: ${allowed.join(", ")}.`
        });
      }
    }
    return {
      recordPath: record,
      recordExplicit: record !== DEFAULT_RECORD_PATH,
      configPath: host.input("config").trim(),
      outPath: requiredInput(host, "out"),
      require: require2,
      comment: parseCommentMode(host.input("comment")),
      token: host.input("github-token")
    };
  },
  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const recordFile = resolve(host.cwd, options.recordPath);
    if (options.recordExplicit && !existsSync(recordFile)) {
      throw new UserError("run record not found", {
        where: { file: options.recordPath, key: "record" },
        hint: "Run the earlier stages first, or leave `record` empty to make the card from mlops.yml alone."
      });
    }
    const record = await readRecord(recordFile, options.recordPath);
    if (!record) {
      host.warning(`no run record at ${options.recordPath}: the card is made from mlops.yml alone and its quantitative sections are empty.`);
    }
    const context = runContext(host, "model-card");
    const content = buildCardContent(config, record, context);
    const missing = missingSections(content.sections, options.require.filter((key) => !EVIDENCE_KEYS.includes(key)));
    const missingGovernance = missingEvidence(content.governance, options.require);
    const markdown = renderCardMarkdown(content);
    const json = cardJson(content, missing);
    const problems = validateCardJson(json);
    if (problems.length) throw new Error(`model-card.json failed its own schema: ${problems.join("; ")}`);
    const outFile = resolve(host.cwd, options.outPath);
    const jsonFile = join(dirname(outFile), "model-card.json");
    await writeFileAtomic(outFile, markdown);
    await writeFileAtomic(jsonFile, `${JSON.stringify(json, null, 2)}
`);
    const display = (file) => {
      const path = relative(host.cwd, file);
      return path && !path.startsWith("..") && !isAbsolute(path) ? path : file;
    };
    host.info(`model card written to ${display(outFile)} and ${display(jsonFile)}`);
    if (record || !options.recordExplicit) {
      await appendSection(
        recordFile,
        "model_card",
        {
          path: display(outFile),
          json_path: display(jsonFile),
          sha256: createHash("sha256").update(markdown).digest("hex"),
          missing_sections: missing
        },
        context,
        options.recordPath
      );
    }
    await postReport({ host, stage: "model-card", model: content.name, markdown, comment: options.comment, token: options.token });
    return {
      outputs: { path: display(outFile), json: display(jsonFile) },
      failure: missing.length ? `required model card sections are empty: ${missing.join(", ")} (fill them in the model_card section of mlops.yml)` : missingGovernance.length ? `required governance evidence is missing from the run record: ${missingGovernance.join(", ")} (set ${missingGovernance.map((key) => key === "fairness" ? "gate.fairness" : "gate.explain or the explain input").join(" and ")} for evaluate-gate)` : void 0
    };
  }
};

export {
  modelCardStage
};
