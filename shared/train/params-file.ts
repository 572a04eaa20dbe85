/**
 * The params file recorded with a training run: a JSON or YAML mapping (by extension; other
 * names are tried as JSON, then YAML). Recorded as JSON, so it is capped in size.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { UserError } from '../errors/user-error.js';

export const MAX_PARAMS_BYTES = 256 * 1024;

export async function readParamsFile(file: string, display: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'params file does not exist' : `cannot read params file (${code ?? String(error)})`, {
      where: { file: display, key: 'params' },
      hint: 'Point `params` at the JSON or YAML file of hyper-parameters the command reads or writes, or leave it empty.',
    });
  }
  return parseParams(text, display, extname(file).toLowerCase());
}

export function parseParams(text: string, display: string, extension: string): Record<string, unknown> {
  let data: unknown;
  if (extension === '.json' || (extension !== '.yml' && extension !== '.yaml' && /^\s*[{[]/.test(text))) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const position = /line (\d+) column (\d+)/.exec(message);
      throw new UserError(`params file is not valid JSON (${message})`, {
        where: { file: display, ...(position ? { line: Number(position[1]), column: Number(position[2]) } : {}), key: 'params' },
      });
    }
  } else {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    const problem = doc.errors[0];
    if (problem) {
      const { line, col } = lines.linePos(problem.pos[0]);
      throw new UserError(`params file is not valid YAML (${problem.message.split('\n')[0]})`, { where: { file: display, line, column: col, key: 'params' } });
    }
    data = doc.toJS({ maxAliasCount: 100 });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError('params file must hold a mapping of parameter names to values', {
      where: { file: display, line: 1, key: 'params' },
      hint: 'e.g. {"learning_rate": 0.01, "epochs": 20} or the same as YAML.',
    });
  }
  // Round-trip through JSON: what the record can hold (dates become strings, NaN null).
  const json = JSON.stringify(data);
  if (Buffer.byteLength(json) > MAX_PARAMS_BYTES) {
    throw new UserError(`params file is ${Buffer.byteLength(json)} bytes as JSON, more than the ${MAX_PARAMS_BYTES} the run record takes`, {
      where: { file: display, key: 'params' },
      hint: 'Record hyper-parameters only; keep data, vocabularies and weights out of the params file.',
    });
  }
  return JSON.parse(json) as Record<string, unknown>;
}
