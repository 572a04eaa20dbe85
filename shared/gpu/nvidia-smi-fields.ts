/**
 * nvidia-smi's CSV fields (`--format=csv,noheader,nounits`): comma separated, unquoted, with
 * placeholders in brackets where a value is missing ("[N/A]", "[Not Supported]",
 * "[Unknown Error]", "[GPU is lost]"). Placeholders become undefined, never 0 or NaN.
 */
export function splitCsvLine(line: string): string[] {
  return line.split(',').map((field) => field.trim());
}

export function isPlaceholder(field: string): boolean {
  return field === '' || /^\[.*\]$/.test(field) || /^n\/?a$/i.test(field);
}

export function numberField(field: string | undefined): number | undefined {
  if (field === undefined || isPlaceholder(field)) return undefined;
  const value = Number(field);
  return Number.isFinite(value) ? value : undefined;
}

export function textField(field: string | undefined): string | undefined {
  if (field === undefined || isPlaceholder(field)) return undefined;
  return field;
}
