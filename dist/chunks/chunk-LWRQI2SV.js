import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  childProcess
} from "./chunk-GWCI4O4C.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/engines/load.ts
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

// shared/engines/versions.ts
var ENGINES = {
  "onnxruntime-node": {
    version: "1.30.0",
    integrity: "sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw=="
  },
  "@duckdb/node-api": {
    version: "1.5.5-r.5",
    integrity: "sha512-ZMX+sel3DjSKbGuQ44Y5Tp5LwYjlJkhB5faKr+9sSMcxixDMSW+8vaTOD1uRDuN9o0udUoCY/XX9PI1haEZuZg=="
  }
};

// shared/engines/engine-lock.json
var engine_lock_default = {
  "onnxruntime-node": {
    "node_modules/adm-zip": {
      version: "0.6.1",
      integrity: "sha512-Xwrja8nx9e5o2N1my4DsKCeKpdrnACyr1wtbPxBDgGzKzKyE9kRtBFA8mWldI+RVlD7CBZNWY/wQ2+ydwOR6kQ==",
      license: "MIT"
    },
    "node_modules/define-data-property": {
      version: "1.1.4",
      integrity: "sha512-rBMvIzlpA8v6E+SJZoo++HAYqsLrkg7MSfIinMPFhmkorw7X+dOXVJQs+QT69zGkzMyfDnIMN2Wid1+NbL3T+A==",
      dependencies: {
        "es-define-property": "^1.0.0",
        "es-errors": "^1.3.0",
        gopd: "^1.0.1"
      },
      license: "MIT"
    },
    "node_modules/define-properties": {
      version: "1.2.1",
      integrity: "sha512-8QmQKqEASLd5nx0U1B1okLElbUuuttJ/AnYmRXbbbGDWh6uS208EjD4Xqq/I9wK7u0v6O08XhTWnt5XtEbR6Dg==",
      dependencies: {
        "define-data-property": "^1.0.1",
        "has-property-descriptors": "^1.0.0",
        "object-keys": "^1.1.1"
      },
      license: "MIT"
    },
    "node_modules/es-define-property": {
      version: "1.0.1",
      integrity: "sha512-e3nRfgfUZ4rNGL232gUgX06QNyyez04KdjFrF+LTRoOXmrOgFKDg4BCdsjW8EnT69eqdYGmRpJwiPVYNrCaW3g==",
      license: "MIT"
    },
    "node_modules/es-errors": {
      version: "1.3.0",
      integrity: "sha512-Zf5H2Kxt2xjTvbJvP2ZWLEICxA6j+hAmMzIlypy4xcBg1vKVnx89Wy0GbS+kf5cwCVFFzdCFh2XSCFNULS6csw==",
      license: "MIT"
    },
    "node_modules/escape-string-regexp": {
      version: "4.0.0",
      integrity: "sha512-TtpcNJ3XAzx3Gq8sWRzJaVajRs0uVxA2YAkdb1jm2YkPz4G6egUFAyA3n5vtEIZefPk5Wa4UXbKuS5fKkJWdgA==",
      license: "MIT"
    },
    "node_modules/global-agent": {
      version: "4.1.3",
      integrity: "sha512-KUJEViiuFT3I97t+GYMikLPJS2Lfo/S2F+DQuBWzuzaMPnvt5yyZePzArx36fBzpGTxZjIpDbXLeySLgh+k76g==",
      dependencies: {
        globalthis: "^1.0.2",
        matcher: "^4.0.0",
        semver: "^7.3.5",
        "serialize-error": "^8.1.0"
      },
      license: "BSD-3-Clause"
    },
    "node_modules/globalthis": {
      version: "1.0.4",
      integrity: "sha512-DpLKbNU4WylpxJykQujfCcwYWiV/Jhm50Goo0wrVILAv5jOr9d+H+UR3PhSCD2rCCEIg0uc+G+muBTwD54JhDQ==",
      dependencies: {
        "define-properties": "^1.2.1",
        gopd: "^1.0.1"
      },
      license: "MIT"
    },
    "node_modules/gopd": {
      version: "1.2.0",
      integrity: "sha512-ZUKRh6/kUFoAiTAtTYPZJ3hw9wNxx+BIBOijnlG9PnrJsCcSjs1wyyD6vJpaYtgnzDrKYRSqf3OO6Rfa93xsRg==",
      license: "MIT"
    },
    "node_modules/has-property-descriptors": {
      version: "1.0.2",
      integrity: "sha512-55JNKuIW+vq4Ke1BjOTjM2YctQIvCT7GFzHwmfZPGo5wnrgkid0YQtnAleFSqumZm4az3n2BS+erby5ipJdgrg==",
      dependencies: {
        "es-define-property": "^1.0.0"
      },
      license: "MIT"
    },
    "node_modules/matcher": {
      version: "4.0.0",
      integrity: "sha512-S6x5wmcDmsDRRU/c2dkccDwQPXoFczc5+HpQ2lON8pnvHlnvHAHj5WlLVvw6n6vNyHuVugYrFohYxbS+pvFpKQ==",
      dependencies: {
        "escape-string-regexp": "^4.0.0"
      },
      license: "MIT"
    },
    "node_modules/object-keys": {
      version: "1.1.1",
      integrity: "sha512-NuAESUOUMrlIXOfHKzD6bpPu3tYt3xvjNdRIQ+FeT0lNb4K8WR70CaDxhuNguS2XG+GjkyMwOzsN5ZktImfhLA==",
      license: "MIT"
    },
    "node_modules/onnxruntime-common": {
      version: "1.30.0",
      integrity: "sha512-7fdVWjAID1dVhH/G8qK3APARunV4VkBFoCQAP7qp4Wkab0mrorvmc+sqiT+mKXOzDqdjN5j+/Z9nb4gzNPWcyA==",
      license: "MIT"
    },
    "node_modules/onnxruntime-node": {
      version: "1.30.0",
      integrity: "sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw==",
      dependencies: {
        "adm-zip": "^0.6.0",
        "global-agent": "^4.1.3",
        "onnxruntime-common": "1.30.0"
      },
      os: [
        "win32",
        "darwin",
        "linux"
      ],
      license: "MIT"
    },
    "node_modules/semver": {
      version: "7.8.6",
      integrity: "sha512-9lpSSU4Mly3mrtruwLs1eLK6+gzbzqeBFwRNjIjE+9LuDpWdYctrQlQ3ej1Ilgi7gknpsTRnPoLP8DpCHqHIJw==",
      license: "ISC"
    },
    "node_modules/serialize-error": {
      version: "8.1.0",
      integrity: "sha512-3NnuWfM6vBYoy5gZFvHiYsVbafvI9vZv/+jlIigFn4oP4zjNPK3LhcY0xSCgeb1a5L8jO71Mit9LlNoi2UfDDQ==",
      dependencies: {
        "type-fest": "^0.20.2"
      },
      license: "MIT"
    },
    "node_modules/type-fest": {
      version: "0.20.2",
      integrity: "sha512-Ne+eE4r0/iWnpAxD852z3A+N0Bt5RN//NjJwRd2VFHEmrywxf5vsZlh4R6lixl6B+wz/8d+maTSAkN1FIkI3LQ==",
      license: "(MIT OR CC0-1.0)"
    }
  },
  "@duckdb/node-api": {
    "node_modules/@duckdb/node-api": {
      version: "1.5.5-r.5",
      integrity: "sha512-ZMX+sel3DjSKbGuQ44Y5Tp5LwYjlJkhB5faKr+9sSMcxixDMSW+8vaTOD1uRDuN9o0udUoCY/XX9PI1haEZuZg==",
      dependencies: {
        "@duckdb/node-bindings": "1.5.5-r.5"
      },
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings": {
      version: "1.5.5-r.5",
      integrity: "sha512-sR7x91TfBunLqLbdvrcdiPCU+VGEQFPicxh1STZM402fuHW2ituPTAo2bY3IlntsvJShltrKF4R6B+JYPlAPZg==",
      dependencies: {
        "detect-libc": "^2.1.2"
      },
      optionalDependencies: {
        "@duckdb/node-bindings-darwin-arm64": "1.5.5-r.5",
        "@duckdb/node-bindings-darwin-x64": "1.5.5-r.5",
        "@duckdb/node-bindings-linux-arm64": "1.5.5-r.5",
        "@duckdb/node-bindings-linux-arm64-musl": "1.5.5-r.5",
        "@duckdb/node-bindings-linux-x64": "1.5.5-r.5",
        "@duckdb/node-bindings-linux-x64-musl": "1.5.5-r.5",
        "@duckdb/node-bindings-win32-arm64": "1.5.5-r.5",
        "@duckdb/node-bindings-win32-x64": "1.5.5-r.5"
      },
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-darwin-arm64": {
      version: "1.5.5-r.5",
      integrity: "sha512-WJdeLTFy4pRg60rkbp9smtlP1iIQ8ErtIJkxS+2LQtM1ZZMSByyW+3WPpNoKe7IwPtVl2fLlPw7tDmQW4Z974g==",
      os: [
        "darwin"
      ],
      cpu: [
        "arm64"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-darwin-x64": {
      version: "1.5.5-r.5",
      integrity: "sha512-rN0KjX13MwVQ5V5ufykolty/tf4SaafOpGWcUA1Cegf98jPeRdsJsEE1IMXn8n3u6WvMSZEVJmHJ3ma4Hr7Vzg==",
      os: [
        "darwin"
      ],
      cpu: [
        "x64"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-linux-arm64": {
      version: "1.5.5-r.5",
      integrity: "sha512-CafH2AIvXtpwDynG3KB/4uEOHRGlFoB7auCRMIwH3BKNIobsANV5LSpDJ3tfyRCFIsK6e8AT1eseWVnu2Dv3cw==",
      os: [
        "linux"
      ],
      cpu: [
        "arm64"
      ],
      libc: [
        "glibc"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-linux-arm64-musl": {
      version: "1.5.5-r.5",
      integrity: "sha512-00z3mYHUBAucp3L73EoftKDdaGOaV8ENELejiT+PK7dFjTzdXxqhJwZ1LaQV1/zEhIecz+x23f6WvFhWw+7XXQ==",
      os: [
        "linux"
      ],
      cpu: [
        "arm64"
      ],
      libc: [
        "musl"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-linux-x64": {
      version: "1.5.5-r.5",
      integrity: "sha512-kCyq6BXhn6QXfwF8yVdVKriSSHP+rfVWcJ56cG8qZzlOZpxyvT5WGm6jMshxg4ditLlOsHsIN/D47RYrcjXuHQ==",
      os: [
        "linux"
      ],
      cpu: [
        "x64"
      ],
      libc: [
        "glibc"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-linux-x64-musl": {
      version: "1.5.5-r.5",
      integrity: "sha512-S5qEc7F+GjXt85T2xArjjvN5oc/IjtH6zsLJsuo8N3fQolheBCefemIMdZoK2Jik8a0sBxidiS6Ld4qprMPPDw==",
      os: [
        "linux"
      ],
      cpu: [
        "x64"
      ],
      libc: [
        "musl"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-win32-arm64": {
      version: "1.5.5-r.5",
      integrity: "sha512-L3Mroc23xhqOowWVElni8LgEmsm5e9DdG1y2pLka/1ug3Pl2vpQMl1Phxwz4UEMF8DOBbMgN5BBNrYwG2BFo+g==",
      os: [
        "win32"
      ],
      cpu: [
        "arm64"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-win32-x64": {
      version: "1.5.5-r.5",
      integrity: "sha512-mBGFn8netT/AAhK4TOG6Fw47+Db68CxCVtQ9qfxZc1kZAjds+aYrh17Fd/u5CbTDdxILsrcyuF8q9cUcm54kQA==",
      os: [
        "win32"
      ],
      cpu: [
        "x64"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/detect-libc": {
      version: "2.1.2",
      integrity: "sha512-Btj2BOOO83o3WyH59e8MgXsxEQVcarkUOpEYrubB0urwnN10yQ364rsiByU11nZlqWYZm05i/of7io4mzihBtQ==",
      license: "Apache-2.0"
    }
  }
};

// shared/engines/load.ts
var loaded = /* @__PURE__ */ new Map();
function loadEngine(name, host) {
  let engine = loaded.get(name);
  if (!engine) {
    engine = importEngine(name, host);
    loaded.set(name, engine);
  }
  return engine;
}
async function importEngine(name, host) {
  const installed = workspacePackage(name, dirname(fileURLToPath(import.meta.url)));
  if (installed) {
    try {
      return await loadPackage(installed);
    } catch (error) {
      const code = error.code;
      if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  const dir = await installEngine(name, host);
  return loadPackage(join(dir, "node_modules", name));
}
function workspacePackage(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const folder = join(dir, "node_modules", name);
    if (existsSync(folder)) return folder;
    if (dirname(dir) === dir) return void 0;
  }
}
async function loadPackage(folder) {
  const require2 = createRequire(join(folder, "package.json"));
  try {
    return require2(folder);
  } catch (error) {
    const code = error.code;
    if (code !== "ERR_REQUIRE_ESM" && code !== "ERR_REQUIRE_ASYNC_MODULE") throw error;
    return import(pathToFileURL(require2.resolve(folder)).href);
  }
}
async function installEngine(name, host) {
  const { version } = ENGINES[name];
  const base = host.env("RUNNER_TOOL_CACHE") ?? join(homedir(), ".cache");
  const dir = await mkdtemp(join(host.env("RUNNER_TEMP") ?? tmpdir(), "mlops-engine-"));
  const packages = engine_lock_default[name];
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "mlops-engine", version: "0.0.0", private: true, dependencies: { [name]: version } }));
  await writeFile(
    join(dir, "package-lock.json"),
    JSON.stringify({ name: "mlops-engine", version: "0.0.0", lockfileVersion: 3, requires: true, packages: { "": { name: "mlops-engine", version: "0.0.0", dependencies: { [name]: version } }, ...packages } })
  );
  await host.group(`Installing ${name}@${version} (integrity-pinned, fresh for this step)`, async () => {
    try {
      await promisify(childProcess().execFile)("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--cache", join(base, "mlops-actions-npm-cache")], {
        cwd: dir,
        // onnxruntime-node's install script would otherwise download CUDA libraries (scripts are off anyway).
        env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: "skip" },
        maxBuffer: 16 * 1024 * 1024
      });
    } catch (error) {
      const message = error.message;
      const integrity = /EINTEGRITY|integrity checksum failed/i.test(message);
      throw new UserError(
        integrity ? `the ${name} engine failed its integrity check: npm served a package whose sha512 differs from the pinned one` : `could not install the ${name} engine (${message.split("\n")[0]})`,
        { hint: integrity ? "Refusing to load it. Clear the npm cache under the tool cache, and check the registry." : `The runner needs npm and access to the npm registry, or install ${name}@${version} in the workspace with npm.` }
      );
    }
  });
  return dir;
}

export {
  loadEngine
};
