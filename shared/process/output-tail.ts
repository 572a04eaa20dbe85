/** The last lines a command printed, for a failure report; bounded in lines and line length. */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(
    private readonly maxLines = 60,
    private readonly maxLineLength = 500,
  ) {}

  push(line: string): void {
    this.lines.push(line.length > this.maxLineLength ? `${line.slice(0, this.maxLineLength)}…` : line);
    if (this.lines.length > this.maxLines) this.lines.shift();
  }

  text(): string {
    return this.lines.join('\n');
  }
}
