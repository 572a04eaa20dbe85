/** A minimal protobuf wire-format reader: enough to walk an ONNX ModelProto without a schema compiler. */
export interface Field {
  number: number;
  wireType: number;
  /** Varint value (wire type 0). */
  value?: number;
  /** Payload bytes (wire type 2). */
  bytes?: Uint8Array;
}

export class ProtobufError extends Error {}

export function* fields(buffer: Uint8Array): Generator<Field> {
  let position = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (position >= buffer.length) throw new ProtobufError(`truncated varint at byte ${position}`);
      const byte = buffer[position++]!;
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new ProtobufError(`varint longer than 10 bytes at byte ${position}`);
  };
  while (position < buffer.length) {
    const tag = varint();
    const number = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (number === 0) throw new ProtobufError(`field number 0 at byte ${position}`);
    switch (wireType) {
      case 0:
        yield { number, wireType, value: varint() };
        break;
      case 1:
        position += 8;
        break;
      case 5:
        position += 4;
        break;
      case 2: {
        const length = varint();
        if (position + length > buffer.length) throw new ProtobufError(`field ${number} at byte ${position} runs past the end`);
        yield { number, wireType, bytes: buffer.subarray(position, position + length) };
        position += length;
        break;
      }
      default:
        throw new ProtobufError(`unsupported wire type ${wireType} at byte ${position}`);
    }
    if (position > buffer.length) throw new ProtobufError('truncated message');
  }
}

export function text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
