/**
 * Formats that run code when a Python tool loads them, recognised from a file's bytes wherever
 * they hide in an otherwise valid ONNX file:
 *
 * - a pickle opcode stream at the start (what `pickle.load` reads): a `PROTO` marker (0x80, any
 *   protocol byte), or a run of valid pickle opcodes that reaches `STOP`. A real ModelProto
 *   starts with a protobuf tag (0x08 for ir_version), which is no pickle opcode, so the walk
 *   ends at the first byte for every genuine model;
 * - a zip archive (PyTorch checkpoints are pickles in a zip) by its local header at the start,
 *   or by its end-of-central-directory record at the end, which is where `zipfile` and
 *   `torch.load` look for it.
 */

type Argument = number | 'line' | 'two-lines' | { lengthBytes: 1 | 4 | 8 };

/** pickletools' opcode table: opcode -> how many argument bytes follow. */
const OPCODES = new Map<number, Argument>();
const none = 0;
for (const op of '(.0123NQRabdelostu])}') OPCODES.set(op.charCodeAt(0), none);
for (const op of 'FILPSVgip') OPCODES.set(op.charCodeAt(0), 'line');
for (const op of 'ci') OPCODES.set(op.charCodeAt(0), 'two-lines');
const fixed: Array<[string | number, number]> = [['J', 4], ['K', 1], ['M', 2], ['h', 1], ['j', 4], ['q', 1], ['r', 4], ['G', 8], [0x80, 1], [0x82, 1], [0x83, 2], [0x84, 4], [0x95, 8]];
for (const [op, size] of fixed) OPCODES.set(typeof op === 'string' ? op.charCodeAt(0) : op, size);
const counted: Array<[string | number, 1 | 4 | 8]> = [['T', 4], ['U', 1], ['X', 4], [0x8a, 1], [0x8b, 4], ['B', 4], ['C', 1], [0x8c, 1], [0x8d, 8], [0x8e, 8], [0x96, 8]];
for (const [op, lengthBytes] of counted) OPCODES.set(typeof op === 'string' ? op.charCodeAt(0) : op, { lengthBytes });
for (const op of [0x81, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8f, 0x90, 0x91, 0x92, 0x93, 0x94, 0x97, 0x98]) OPCODES.set(op, none);
const STOP = 0x2e;
const PROTO = 0x80;

/** True when `head` (the first bytes of a file) is read by pickle.load as a pickle. */
export function startsWithPickle(head: Buffer): boolean {
  if (head[0] === PROTO) return true;
  let position = 0;
  let opcodes = 0;
  while (position < head.length) {
    const opcode = head[position]!;
    const argument = OPCODES.get(opcode);
    if (argument === undefined) return false;
    opcodes++;
    position++;
    if (opcode === STOP) return opcodes > 1;
    if (typeof argument === 'number') position += argument;
    else if (argument === 'line' || argument === 'two-lines') {
      for (let lines = argument === 'line' ? 1 : 2; lines > 0; lines--) {
        const end = head.indexOf(0x0a, position);
        if (end < 0) return true; // a valid stream up to the end of what we read
        position = end + 1;
      }
    } else {
      if (position + argument.lengthBytes > head.length) return true;
      const length = argument.lengthBytes === 1 ? head[position]! : argument.lengthBytes === 4 ? head.readUInt32LE(position) : Number(head.readBigUInt64LE(position));
      position += argument.lengthBytes + length;
    }
  }
  // Every byte read so far is a valid opcode stream: no ModelProto looks like that.
  return opcodes > 1;
}

const EOCD = Buffer.from('PK\x05\x06', 'latin1');
const EOCD_SIZE = 22;
/** The largest trailer a zip can have: the record plus a 65,535-byte comment. */
export const ZIP_TRAILER_BYTES = EOCD_SIZE + 0xffff;

/** True when `tail` (the last bytes of a file) ends with a zip end-of-central-directory record. */
export function endsWithZip(tail: Buffer): boolean {
  for (let at = tail.lastIndexOf(EOCD); at >= 0; at = at > 0 ? tail.lastIndexOf(EOCD, at - 1) : -1) {
    if (at + EOCD_SIZE <= tail.length && at + EOCD_SIZE + tail.readUInt16LE(at + 20) === tail.length) return true;
  }
  return false;
}
