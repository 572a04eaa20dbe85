/**
 * A starting contract from a profile, as TFDV's schema inference does: types, nullability,
 * value domains for low-cardinality columns (up to 20 values; TFDV uses 100), observed
 * ranges for numbers and dates, uniqueness for key-like columns. Meant to be reviewed.
 */
import type { DataContract } from '../config/sections/data.js';
import type { DataProfile } from './profile.js';

const MAX_DOMAIN = 20;

export function inferContract(profile: DataProfile): DataContract {
  const columns: NonNullable<DataContract['columns']> = {};
  for (const c of profile.columns) {
    const type = c.type === 'integer' || c.type === 'number' || c.type === 'string' || c.type === 'boolean' || c.type === 'date' || c.type === 'timestamp' ? c.type : undefined;
    const column: NonNullable<DataContract['columns']>[string] = {};
    if (type) column.type = type;
    if (c.nulls === 0) column.nullable = false;
    const domain = c.value_counts ? Object.keys(c.value_counts) : [];
    // Value counts are exact (up to 1 000 values); beyond that the HyperLogLog estimate decides.
    const distinct = c.value_counts ? domain.length : c.distinct;
    const keyLike = c.count === profile.rows && c.count > MAX_DOMAIN && distinct !== null && (c.value_counts ? distinct === c.count : distinct >= 0.99 * c.count);
    if ((type === 'string' || type === 'integer') && domain.length > 0 && domain.length <= MAX_DOMAIN && !keyLike) {
      column.values = type === 'integer' ? domain.map(Number).sort((a, b) => a - b) : domain.sort();
    } else if ((type === 'integer' || type === 'number') && typeof c.min === 'number' && typeof c.max === 'number') {
      column.min = c.min;
      column.max = c.max;
    } else if ((type === 'date' || type === 'timestamp') && typeof c.min === 'string' && typeof c.max === 'string') {
      column.min = c.min;
      column.max = c.max;
    }
    if (keyLike && (type === 'string' || type === 'integer')) column.unique = true;
    columns[c.name] = column;
  }
  return { rows: { min: 1 }, unexpected_columns: 'error', columns };
}
