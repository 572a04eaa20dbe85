/**
 * The Python the command would find on its PATH and the versions of the ML frameworks
 * installed for it, read from package metadata (importing torch would take seconds).
 */

export const FRAMEWORKS = ['torch', 'tensorflow', 'jax', 'jaxlib', 'scikit-learn', 'xgboost', 'lightgbm', 'transformers', 'onnx', 'onnxruntime'];

const PROBE = `
import json, platform, sys
try:
    from importlib import metadata
except ImportError:
    metadata = None
found = {}
for name in sys.argv[1:]:
    try:
        found[name] = metadata.version(name) if metadata else None
    except Exception:
        pass
print(json.dumps({"python": platform.python_version(), "frameworks": {k: v for k, v in found.items() if v}}))
`;
import { childProcess } from '../node/builtins.js';

export interface PythonFacts {
  python: string;
  frameworks: Record<string, string>;
}

/**
 * @param command the training command: when it starts with a Python interpreter
 * (`/opt/venv/bin/python train.py`), that interpreter is probed first.
 */
export async function probePython(env: Record<string, string>, cwd: string, command = ''): Promise<PythonFacts | undefined> {
  const first = command.trim().split(/\s+/)[0] ?? '';
  const named = /(^|\/)python[0-9.]*$/.test(first) ? [first] : [];
  for (const executable of [...named, 'python3', 'python']) {
    const facts = await run(executable, env, cwd);
    if (facts) return facts;
  }
  return undefined;
}

function run(executable: string, env: Record<string, string>, cwd: string): Promise<PythonFacts | undefined> {
  return new Promise((resolve) => {
    childProcess().execFile(executable, ['-c', PROBE, ...FRAMEWORKS], { env, cwd, timeout: 20_000, encoding: 'utf8' }, (error, stdout) => {
      if (error) return resolve(undefined);
      try {
        const parsed = JSON.parse(stdout.trim().split('\n').pop() ?? '') as { python?: unknown; frameworks?: unknown };
        if (typeof parsed.python !== 'string') return resolve(undefined);
        const frameworks: Record<string, string> = {};
        if (parsed.frameworks && typeof parsed.frameworks === 'object') {
          for (const [name, version] of Object.entries(parsed.frameworks)) if (typeof version === 'string') frameworks[name] = version;
        }
        resolve({ python: parsed.python, frameworks });
      } catch {
        resolve(undefined);
      }
    });
  });
}
