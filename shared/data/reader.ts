/**
 * The one data reader every stage uses: resolve a path or glob to files (with clear errors
 * for missing, empty, mixed or mislabelled files), then read them through in-process DuckDB,
 * streaming, in file order, in bounded memory.
 */
export type { DataFormat } from './formats.js';
export { resolveData, type DataSource } from './resolve.js';
export type { DataColumn } from './scan.js';
export { openData, type DataTable, type NumericBatch, type RowBatch } from './table.js';
