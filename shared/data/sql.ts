/** SQL literal and identifier quoting for the DuckDB queries we build. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function sqlList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}

/**
 * A finite double as a SQL DOUBLE with exactly its value. A bare literal such as 0.0036250000000000003
 * is read as a DECIMAL and converted (rounded twice), which can differ from the double in the last bit.
 */
export function sqlDouble(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `'${String(value)}'::DOUBLE`;
}
