/**
 * Turns a byte stream into lines as they arrive. "\n", "\r\n" and a lone "\r" (progress bars)
 * all end a line. A line longer than `maxLineLength` is emitted in pieces, so a command that
 * never prints a newline cannot make the buffer grow without bound.
 */
import { StringDecoder } from 'node:string_decoder';

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private lastWasCarriageReturn = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineLength = 64 * 1024,
  ) {}

  push(chunk: Buffer): void {
    this.consume(this.decoder.write(chunk));
  }

  /** Emits what is left (a last line without a newline). */
  end(): void {
    this.consume(this.decoder.end());
    if (this.pending !== '') this.onLine(this.pending);
    this.pending = '';
  }

  private consume(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) {
        // "\r\n" split across chunks: the "\r" already ended the line.
        if (!(i === 0 && this.pending === '' && this.lastWasCarriageReturn && start === 0)) {
          this.onLine(this.pending + text.slice(start, i));
        }
        this.pending = '';
        start = i + 1;
        this.lastWasCarriageReturn = false;
      } else if (ch === 13 /* \r */) {
        this.onLine(this.pending + text.slice(start, i));
        this.pending = '';
        if (text.charCodeAt(i + 1) === 10) i++;
        else this.lastWasCarriageReturn = i === text.length - 1;
        start = i + 1;
      } else {
        this.lastWasCarriageReturn = false;
      }
    }
    this.pending += text.slice(start);
    while (this.pending.length > this.maxLineLength) {
      this.onLine(this.pending.slice(0, this.maxLineLength));
      this.pending = this.pending.slice(this.maxLineLength);
    }
  }
}
