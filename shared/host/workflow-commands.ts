/**
 * Log text that cannot become a runner command.
 *
 * The runner reads an action's output line by line (.NET `ReadLine`: `\n`, `\r\n` and a lone
 * `\r` all end a line) and treats a line as a workflow command when, after trimming whitespace,
 * it starts with `::` (`::add-mask::`, `::stop-commands::`, `::set-output`…), or when it
 * holds the legacy `##[command]` form anywhere. Untrusted text — column names, slice values,
 * ONNX names, registry annotations, a training command's output — is logged through the Host,
 * which passes every line through `neutraliseWorkflowCommands`: a word joiner (U+2060, invisible,
 * not whitespace to .NET's `Trim`) goes between the two colons and between `#` and `#[`, so the
 * line reads the same and commands nothing.
 */
const WORD_JOINER = '\u2060';
const LINE_BREAK = /\r\n|\r|\n/;

export function neutraliseWorkflowCommands(text: string): string {
  if (!text.includes('::') && !text.includes('##[')) return text;
  return text
    .split(LINE_BREAK)
    .map((line) => line.replace(/^(\s*):(?=:)/, `$1:${WORD_JOINER}`).replaceAll('##[', `#${WORD_JOINER}#[`))
    .join('\n');
}
