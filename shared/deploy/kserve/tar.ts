/**
 * A deterministic POSIX ustar archive of one directory and one file, streamed to disk and
 * hashed as it is written: the modelcar layer (models/ + models/model.onnx). Owner 0:0, mode
 * 0755/0644, mtime 0, so the same model always gives the same layer digest.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Digest } from '../../registry/digest.js';
import { crypto } from '../../node/builtins.js';

const BLOCK = 512;
/** ustar's size field holds 11 octal digits: files up to 8 GiB − 1. */
export const MAX_TAR_FILE_BYTES = 8 ** 11 - 1;

export function tarHeader(name: string, type: 'file' | 'directory', size: number): Buffer {
  const header = Buffer.alloc(BLOCK, 0);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name "${name}" is longer than 100 bytes`);
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0') + '\0';
  header.write(name, 0, 'utf8');
  header.write(octal(type === 'directory' ? 0o755 : 0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(0, 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write(type === 'directory' ? '5' : '0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write('root', 265, 'ascii');
  header.write('root', 297, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return header;
}

export interface TarResult {
  digest: Digest;
  size: number;
}

/** Writes `<dir>/` and `<dir>/<fileName>` (the bytes of `source`) as a tar file at `target`. */
export async function writeSingleFileTar(source: string, dir: string, fileName: string, target: string): Promise<TarResult> {
  const { size: fileSize } = await stat(source);
  if (fileSize > MAX_TAR_FILE_BYTES) throw new Error(`${source} is ${fileSize} bytes, over the ustar limit of ${MAX_TAR_FILE_BYTES}`);
  const hash = crypto().createHash('sha256');
  const out = createWriteStream(target, { mode: 0o600 });
  let size = 0;
  const write = async (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(tarHeader(`${dir}/`, 'directory', 0));
  await write(tarHeader(`${dir}/${fileName}`, 'file', fileSize));
  let copied = 0;
  for await (const chunk of createReadStream(source)) {
    copied += (chunk as Buffer).length;
    await write(chunk as Buffer);
  }
  if (copied !== fileSize) throw new Error(`${source} changed size while it was archived`);
  const padding = (BLOCK - (fileSize % BLOCK)) % BLOCK;
  await write(Buffer.alloc(padding + 2 * BLOCK, 0));
  out.end();
  await once(out, 'finish');
  return { digest: `sha256:${hash.digest('hex')}`, size };
}
