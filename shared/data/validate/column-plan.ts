/**
 * For each data column: the SQL for its typed value, for "this value has the wrong type", and
 * for every contract check, so that one aggregate query can count them all. A value of the
 * wrong type is NULL in the typed expression, so it can only ever count as a `type` finding.
 */
import type { ColumnContractConfig, ContractColumnType } from '../../config/sections/data.js';
import { UserError } from '../../errors/user-error.js';
import type { DataFormat } from '../formats.js';
import type { ColumnKind, DataColumn } from '../scan.js';
import { sqlIdentifier, sqlString } from '../sql.js';

export type Severity = 'error' | 'warning';

/** A check that individual rows can fail: counted in the aggregate, located by line afterwards. */
export interface RowCheck {
  check: string;
  /** SQL condition true on an offending row. */
  condition: string;
  message: string;
}

export interface ColumnPlan {
  column: DataColumn;
  /** The column's profile type: the contract's when declared, else what DuckDB read. */
  type: ColumnKind;
  /** The typed value (NULL when missing or of the wrong type). */
  value: string;
  /** The raw column. */
  raw: string;
  contract?: ColumnContractConfig;
  severity: Severity;
  rowChecks: RowCheck[];
}

export function planColumn(column: DataColumn, contract: ColumnContractConfig | undefined, key: string): ColumnPlan {
  const raw = sqlIdentifier(column.name);
  const declared = contract?.type;
  const { value, wrongType } = declared ? typedValue(raw, column.kind, declared) : { value: raw, wrongType: undefined };
  const type: ColumnKind = declared ?? column.kind;
  const rowChecks: RowCheck[] = [];
  if (wrongType) rowChecks.push({ check: 'type', condition: wrongType, message: `value is not ${article(declared!)}` });
  if (contract) rowChecks.push(...contractChecks(value, raw, type, contract, key));
  return { column, type, value, raw, contract, severity: contract?.severity ?? 'error', rowChecks };
}

/**
 * The text a value is counted under in value counts: DuckDB's CAST(... AS VARCHAR) of the typed
 * value, which is also the key `to_json(histogram(value))` writes for integers, dates, booleans
 * and strings.
 */
export function valueText(plan: ColumnPlan): string {
  return plan.type === 'string' ? plan.value : `CAST(${plan.value} AS VARCHAR)`;
}

/**
 * The read type to force for a contract column, so DuckDB's guess cannot lose information
 * (leading zeros of ids). JSONL columns with a declared type are read as text: a column
 * mixing JSON numbers and strings would otherwise be typed JSON, and every value then fails.
 */
export function forcedReadType(declared: ContractColumnType | undefined, format: DataFormat): string | undefined {
  if (declared === 'string' || (declared && format === 'jsonl')) return 'VARCHAR';
  return undefined;
}

function typedValue(raw: string, kind: ColumnKind, declared: ContractColumnType): { value: string; wrongType?: string } {
  const fromText = (sqlType: string) => {
    const value = `TRY_CAST(${raw} AS ${sqlType})`;
    return { value, wrongType: `(${raw} IS NOT NULL AND ${value} IS NULL)` };
  };
  const never = { value: `NULL`, wrongType: `(${raw} IS NOT NULL)` };
  switch (declared) {
    case 'string':
      return { value: kind === 'string' ? raw : `CAST(${raw} AS VARCHAR)` };
    case 'integer':
      if (kind === 'integer') return { value: raw };
      if (kind === 'number') return { value: `CASE WHEN ${raw} = round(${raw}) THEN ${raw} END`, wrongType: `(${raw} IS NOT NULL AND ${raw} <> round(${raw}))` };
      if (kind === 'string') return fromText('BIGINT');
      return never;
    case 'number':
      if (kind === 'integer' || kind === 'number') return { value: `CAST(${raw} AS DOUBLE)` };
      if (kind === 'string') return fromText('DOUBLE');
      return never;
    case 'boolean':
      if (kind === 'boolean') return { value: raw };
      if (kind === 'string') return fromText('BOOLEAN');
      if (kind === 'integer') return { value: `CASE WHEN ${raw} IN (0, 1) THEN ${raw} = 1 END`, wrongType: `(${raw} IS NOT NULL AND ${raw} NOT IN (0, 1))` };
      return never;
    case 'date':
      if (kind === 'date') return { value: raw };
      if (kind === 'string') return fromText('DATE');
      if (kind === 'timestamp') return { value: `CASE WHEN CAST(${raw} AS TIME) = TIME '00:00:00' THEN CAST(${raw} AS DATE) END`, wrongType: `(${raw} IS NOT NULL AND CAST(${raw} AS TIME) <> TIME '00:00:00')` };
      return never;
    case 'timestamp':
      if (kind === 'timestamp' || kind === 'date') return { value: `CAST(${raw} AS TIMESTAMP)` };
      if (kind === 'string') return fromText('TIMESTAMP');
      return never;
  }
}

function contractChecks(value: string, raw: string, type: ColumnKind, contract: ColumnContractConfig, key: string): RowCheck[] {
  const checks: RowCheck[] = [];
  const present = (condition: string) => `(${value} IS NOT NULL AND (${condition}))`;
  if (contract.nullable === false) checks.push({ check: 'nullable', condition: `(${raw} IS NULL)`, message: 'value is missing' });
  if (contract.min !== undefined || contract.max !== undefined) {
    const parts: string[] = [];
    if (contract.min !== undefined) parts.push(`${value} < ${literal(contract.min, type, `${key}.min`)}`);
    if (contract.max !== undefined) parts.push(`${value} > ${literal(contract.max, type, `${key}.max`)}`);
    const bounds = [contract.min !== undefined ? `≥ ${contract.min}` : '', contract.max !== undefined ? `≤ ${contract.max}` : ''].filter(Boolean).join(' and ');
    checks.push({ check: 'range', condition: present(parts.join(' OR ')), message: `value outside the range (must be ${bounds})` });
  }
  if (contract.values) {
    const numeric = type === 'integer' || type === 'number';
    const list = contract.values.map((v, i) => (numeric ? literal(v, type, `${key}.values[${i}]`) : sqlString(String(v)))).join(', ');
    const subject = numeric ? value : `CAST(${value} AS VARCHAR)`;
    checks.push({ check: 'values', condition: present(`${subject} NOT IN (${list})`), message: `value not among the allowed values (${contract.values.map(String).join(', ')})` });
  }
  if (contract.pattern !== undefined) {
    checks.push({ check: 'pattern', condition: present(`NOT regexp_full_match(CAST(${value} AS VARCHAR), ${sqlString(contract.pattern)})`), message: `value does not match ${contract.pattern}` });
  }
  if (contract.min_length !== undefined || contract.max_length !== undefined) {
    const length = `length(CAST(${value} AS VARCHAR))`;
    const parts: string[] = [];
    if (contract.min_length !== undefined) parts.push(`${length} < ${contract.min_length}`);
    if (contract.max_length !== undefined) parts.push(`${length} > ${contract.max_length}`);
    checks.push({ check: 'length', condition: present(parts.join(' OR ')), message: `value length outside ${contract.min_length ?? 0}..${contract.max_length ?? '∞'} characters` });
  }
  return checks;
}

/** A bound or allowed value as a SQL literal of the column's type; a mismatched bound is a config error. */
function literal(bound: string | number | boolean, type: ColumnKind, key: string): string {
  const bad = (expected: string) =>
    new UserError(`${JSON.stringify(bound)} is not ${expected}`, { where: { file: 'mlops.yml', key: `data.columns.${key}` }, hint: `The column's type is ${type}.` });
  if (type === 'integer' || type === 'number') {
    if (typeof bound !== 'number') throw bad('a number');
    return String(bound);
  }
  if (type === 'date' || type === 'timestamp') {
    if (typeof bound !== 'string' || Number.isNaN(Date.parse(bound))) throw bad(`an ISO ${type} such as "2024-01-31"`);
    return `${type === 'date' ? 'DATE' : 'TIMESTAMP'} ${sqlString(bound)}`;
  }
  return sqlString(String(bound));
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
