// The limit: DuckDB's bare aggregate (count, min, max, mean per column) over the same CSV.
import { DuckDBInstance } from '@duckdb/node-api';
const file = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const columns = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_csv('${file}')`)).getRowObjectsJS().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
const numeric = (t) => /INT|DOUBLE|FLOAT|DECIMAL/.test(t);
const select = columns.flatMap(({ name, type }) => [`count("${name}")`, `min("${name}")`, `max("${name}")`, ...(numeric(type) ? [`avg("${name}")`] : [])]);
await c.runAndReadAll(`SELECT count(*), ${select.join(', ')} FROM read_csv('${file}')`);
