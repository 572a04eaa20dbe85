/**
 * Pass 3, only when some row check failed: finds the first offending rows of each failed
 * check, file by file, and turns them into physical line numbers. DuckDB filters the rows
 * (only offending rows reach JS) and the scan stops once every check has its lines.
 */
import { linesOfRecords } from '../line-index.js';
import type { DataScan } from '../scan.js';

export interface LocateTarget {
  /** SQL condition true on an offending row. */
  condition: string;
}

export interface Location {
  file: string;
  line: number;
}

export async function locateRows(scan: DataScan, targets: LocateTarget[], maxLines: number): Promise<Location[][]> {
  const found: Location[][] = targets.map(() => []);
  if (targets.length === 0) return found;
  const { source } = scan;
  for (let fileIndex = 0; fileIndex < source.files.length; fileIndex++) {
    const open = targets.map((_, t) => t).filter((t) => found[t]!.length < maxLines);
    if (open.length === 0) break;
    const flags = open.map((t) => `COALESCE(${targets[t]!.condition}, false) AS f${t}`);
    const records = new Map<number, number[]>(open.map((t) => [t, []]));
    await scan.run(async () => {
      for (const list of records.values()) list.length = 0;
      const result = await scan.session.connection.stream(
        `SELECT rn, ${open.map((t) => `f${t}`).join(', ')} FROM (SELECT row_number() OVER () - 1 AS rn, ${flags.join(', ')} FROM ${scan.fromFile(fileIndex)}) WHERE ${open.map((t) => `f${t}`).join(' OR ')}`,
      );
      const need = (t: number) => records.get(t)!.length < maxLines - found[t]!.length;
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        const rn = chunk.getColumnVector(0);
        open.forEach((t, c) => {
          const flag = chunk.getColumnVector(1 + c);
          for (let r = 0; r < chunk.rowCount && need(t); r++) if (flag.getItem(r) === true) records.get(t)!.push(Number(rn.getItem(r)));
        });
        if (!open.some(need)) break;
      }
    });
    const wanted = [...new Set([...records.values()].flat())];
    const lines = await linesOfRecords(source.files[fileIndex]!, source.format, wanted);
    for (const [t, list] of records) {
      for (const record of list) found[t]!.push({ file: source.displayFiles[fileIndex]!, line: lines.get(record) ?? record + 2 });
    }
  }
  return found;
}
