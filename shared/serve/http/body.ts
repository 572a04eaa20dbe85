/**
 * Request bodies, capped before they are held: a Content-Length over the cap is refused before
 * a byte is read, a stream that grows past it is cut off; JSON nested deeper than the cap is
 * refused by a byte scan before JSON.parse builds anything.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError, badRequest } from '../http-error.js';

export interface BodyLimits {
  maxBody: number;
  maxDepth: number;
}

export async function readBody(request: IncomingMessage, maxBody: number): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBody) {
    request.resume();
    throw tooLarge(Number(declared), maxBody);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > maxBody) {
        request.resume();
        throw tooLarge(size, maxBody);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // The client went away mid-body: nobody is left to answer, and it is not the server's fault.
    throw new HttpError(400, `the client closed the connection after ${size} bytes of the body`);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

function tooLarge(size: number, max: number): HttpError {
  return new HttpError(413, `the request body is ${size} bytes${size > max ? '' : ' or more'}, over the server's cap of ${max} bytes (--max-body); send fewer rows per request`, { connection: 'close' });
}

/** The deepest nesting of arrays and objects in JSON text (strings skipped), stopping past `limit`. */
export function jsonDepthExceeds(bytes: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export async function readJson(request: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  return parseJson(await readBody(request, limits.maxBody), limits.maxDepth);
}

export function parseJson(bytes: Buffer, maxDepth: number): unknown {
  if (bytes.length === 0) throw badRequest('the request body is empty; send a JSON object');
  if (jsonDepthExceeds(bytes, maxDepth)) throw badRequest(`the JSON body is nested deeper than ${maxDepth} levels`);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const text = bytes.toString('utf8', 0, Math.min(bytes.length, 1 << 20));
    const hint = /(?<![A-Za-z"])(NaN|-?Infinity)(?![A-Za-z"])/.test(text) ? ' (NaN and Infinity are not JSON numbers, and the server does not accept them)' : '';
    throw badRequest(`the request body is not valid JSON: ${(error as Error).message}${hint}`);
  }
}
