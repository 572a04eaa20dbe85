/** The model file a training command must produce: its sha256 and size, streamed. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UserError } from '../errors/user-error.js';
import { crypto } from '../node/builtins.js';

export interface ModelFacts {
  sha256: string;
  bytes: number;
}

export async function describeModelFile(file: string, display: string): Promise<ModelFacts> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'the command finished but did not produce the model file' : `cannot read the model file (${code ?? String(error)})`, {
      where: { file: display, key: 'model' },
      hint: 'Make the command write the model to this path (relative to working-directory), or set `model` to the path it writes.',
    });
  }
  if (!info.isFile()) {
    throw new UserError('the model path is not a file', {
      where: { file: display, key: 'model' },
      hint: 'Give the one model file (e.g. model.onnx); pack a model directory into a single file first.',
    });
  }
  const hash = crypto().createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
