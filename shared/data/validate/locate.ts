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
  /**
   * The condition reads the data again (the unique check's subquery of repeated values). Each such
   * scan claims its own reader buffers, so two in one query ran a 2-thread DuckDB out of memory even
   * on a 5 000-row file: each gets a query of its own.
   */
  scansData?: boolean;
}

export interface Location {
  file: string;
  line: number;
}

export async function locateRows(scan: DataScan, targets: LocateTarget[], maxLines: number): Promise<Location[][]> {
  const found: Location[][] = targets.map(() => []);
  if (targets.length === 0) return found;
  // The plain conditions and the first scanning one share a query; every further scanning one has its own.
  const scanning = targets.flatMap((target, t) => (target.scansData ? [t] : []));
  const first = targets.flatMap((target, t) => (!target.scansData || t === scanning[0] ? [t] : []));
  for (const group of [first, ...scanning.slice(1).map((t) => [t])]) await locateGroup(scan, targets, group, found, maxLines);
  return found;
}

/** Fills `found` for the targets `group` (indices into targets), file by file. */
async function locateGroup(scan: DataScan, targets: LocateTarget[], group: number[], found: Location[][], maxLines: number): Promise<void> {
  const { source } = scan;
  for (let fileIndex = 0; fileIndex < source.files.length; fileIndex++) {
    const open = group.filter((t) => found[t]!.length < maxLines);
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
}
